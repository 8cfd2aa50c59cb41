import { css } from 'lit';

export const localPreviewStyles = css`
  :host {
    display: block;
    position: relative;
    overflow: hidden;
    aspect-ratio: var(--local-preview-aspect-ratio, 16 / 9);
    background: var(--local-preview-background, var(--jre-surface, light-dark(#ffffff, #1f2328)));
    border-radius: var(--local-preview-radius, var(--jre-radius, 8px));
    color: var(--local-preview-color, var(--jre-on-surface, light-dark(#1f2328, #f6f8fa)));
  }
  :host([hidden]) {
    display: none;
  }
  [part='video'] {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    object-fit: var(--local-preview-object-fit, cover);
    /* Mirrored, as in a mirror (set the property to 1 to turn it off). */
    transform: scaleX(var(--local-preview-mirror, -1));
  }
  [part='video'][hidden] {
    display: none;
  }
  [part='placeholder'],
  [part='error'] {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    padding: 1rem;
    text-align: center;
  }
  [part='placeholder'] {
    color: var(--local-preview-placeholder-color, var(--jre-muted, light-dark(#59636e, #8c959f)));
  }
  [part='error'] {
    background: var(--local-preview-error-background, rgb(0 0 0 / 70%));
  }
  [part='meter'] {
    position: absolute;
    inset-inline: 0.75rem;
    inset-block-end: 0.75rem;
    block-size: var(--local-preview-meter-height, 0.375rem);
    border-radius: 999px;
    overflow: hidden;
    background: var(--local-preview-meter-background, rgb(0 0 0 / 50%));
  }
  [part='meter-level'] {
    block-size: 100%;
    inline-size: calc(var(--level, 0) * 100%);
    background: var(--local-preview-meter-color, #2da44e);
    transition: inline-size 60ms linear;
  }
`;
