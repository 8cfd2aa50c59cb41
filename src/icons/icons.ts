/** Inline icons (24x24, currentColor), shared by the elements. Decorative: labels come from the element. */
import { svg, type SVGTemplateResult } from 'lit';

const icon = (paths: SVGTemplateResult) =>
  svg`<svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${paths}</svg>`;

export const microphoneIcon = icon(svg`<rect x="9" y="2" width="6" height="12" rx="3"/><path d="M5 10a7 7 0 0 0 14 0M12 17v5"/>`);
export const microphoneOffIcon = icon(
  svg`<path d="M15 9.3V5a3 3 0 0 0-5.7-1.3M9 9v2a3 3 0 0 0 5.1 2.1M19 10a7 7 0 0 1-1.1 3.8M5 10a7 7 0 0 0 11.3 5.5M12 17v5M3 3l18 18"/>`,
);
export const cameraIcon = icon(svg`<rect x="2" y="6" width="14" height="12" rx="2"/><path d="m16 10 6-3v10l-6-3z"/>`);
export const cameraOffIcon = icon(svg`<path d="M16 16v2H4a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2M9 6h5a2 2 0 0 1 2 2v4l6-3v8M3 3l18 18"/>`);
export const handIcon = icon(
  svg`<path d="M18 11V6a2 2 0 0 0-4 0v5M14 10V4a2 2 0 0 0-4 0v6M10 10.5V6a2 2 0 0 0-4 0v8a8 8 0 0 0 16 0v-3a2 2 0 0 0-4 0"/>`,
);
export const leaveIcon = icon(svg`<path d="M10 17l-5-5 5-5M5 12h11M14 4h4a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-4"/>`);
export const speakerIcon = icon(svg`<path d="M11 5 6 9H2v6h4l5 4zM15.5 8.5a5 5 0 0 1 0 7M19 5a10 10 0 0 1 0 14"/>`);
export const screenShareIcon = icon(svg`<rect x="2" y="4" width="20" height="13" rx="2"/><path d="M8 21h8M12 17v4M12 14V8M9 11l3-3 3 3"/>`);
