import { css } from 'lit';

/**
 * The theme every element starts from. Colours follow the user's `prefers-color-scheme` (light or
 * dark) unless the page sets `--jre-color-scheme: light` or `dark` on the element or any ancestor;
 * the shared tokens (`--jre-surface`, `--jre-on-surface`, `--jre-muted`, `--jre-raised`,
 * `--jre-accent`, `--jre-on-accent`, `--jre-danger`, `--jre-focus`) restyle every element at once,
 * and each element's own custom properties and `::part`s restyle it alone. Motion (meters,
 * tooltips, fades) stops under `prefers-reduced-motion: reduce`. Also the one utility class the
 * elements share: `.visually-hidden` (read by screen readers, not shown), for live regions.
 */
export const themeStyles = css`
  :host {
    color-scheme: var(--jre-color-scheme, light dark);
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    :host,
    :host::before,
    :host::after,
    :host *,
    :host *::before,
    :host *::after {
      transition-duration: 0s !important;
      animation-duration: 0s !important;
      animation-iteration-count: 1 !important;
      scroll-behavior: auto !important;
    }
  }
`;
