import { css } from 'lit';

export const participantTileStyles = css`
  :host {
    display: block;
    position: relative;
    overflow: hidden;
    aspect-ratio: var(--participant-tile-aspect-ratio, 16 / 9);
    background: var(--participant-tile-background, light-dark(#d8dee4, #1f2328));
    border-radius: var(--participant-tile-radius, var(--jre-radius, 8px));
    color: var(--participant-tile-color, var(--jre-on-surface, light-dark(#1f2328, #f6f8fa)));
    font: var(--participant-tile-font, inherit);
  }
  :host([hidden]) {
    display: none;
  }
  [part='video'] {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: var(--participant-tile-object-fit, cover);
    background: inherit;
  }
  [part='video'][hidden] {
    display: none;
  }
  /* The self-view is mirrored, as in a mirror (set the property to 1 to turn it off); a screen never is. */
  :host([local]:not([type='screen'])) [part='video'] {
    transform: scaleX(var(--participant-tile-local-mirror, -1));
  }
  :host([local][unmirrored]) [part='video'] {
    transform: none;
  }
  :host([type='screen']) [part='video'] {
    object-fit: var(--participant-tile-screen-object-fit, contain);
  }
  [part='placeholder'] {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    font-size: var(--participant-tile-placeholder-size, 2.5rem);
    font-weight: 600;
    color: var(--participant-tile-placeholder-color, var(--jre-muted, light-dark(#59636e, #8c959f)));
    text-transform: uppercase;
    user-select: none;
  }
  [part='name'] {
    position: absolute;
    left: 0.5rem;
    bottom: 0.5rem;
    max-width: calc(100% - 1rem);
    padding: 0.125rem 0.5rem;
    border-radius: 4px;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    background: var(--participant-tile-name-background, rgb(0 0 0 / 60%));
    color: var(--participant-tile-name-color, #fff);
    font-size: var(--participant-tile-name-size, 0.875rem);
  }
  [part='name']:empty {
    display: none;
  }
  [part='audio-level'] {
    margin-inline-end: 0.375rem;
    --audio-level-height: 0.85em;
  }
  [part='mute-indicator'] {
    display: inline-flex;
    vertical-align: -0.125em;
    margin-inline-end: 0.25rem;
    color: var(--participant-tile-mute-color, #ff8182);
  }
  audio {
    display: none;
  }
  [part='network-quality'] {
    position: absolute;
    top: 0.5rem;
    right: 0.5rem;
    display: flex;
    align-items: flex-end;
    gap: 2px;
    padding: 0.25rem 0.3rem;
    border-radius: 4px;
    background: var(--participant-tile-name-background, rgb(0 0 0 / 60%));
  }
  [part='hand'] {
    position: absolute;
    top: 0.5rem;
    left: 0.5rem;
    display: inline-grid;
    place-items: center;
    padding: 0.25rem;
    border-radius: 4px;
    font-size: 1.125rem;
    color: #1f2328;
    background: var(--participant-tile-hand-background, #d4a72c);
  }
  .bar {
    width: 3px;
    border-radius: 1px;
    background: rgb(255 255 255 / 30%);
  }
  .bar:nth-child(1) { height: 4px; }
  .bar:nth-child(2) { height: 6px; }
  .bar:nth-child(3) { height: 8px; }
  .bar:nth-child(4) { height: 10px; }
  .bar:nth-child(5) { height: 12px; }
  .bar[data-on] {
    background: var(--participant-tile-quality-color, #3fb950);
  }
  :host([network-quality='3']) .bar[data-on] {
    background: var(--participant-tile-quality-fair-color, #d29922);
  }
  :host([network-quality='0']) .bar[data-on],
  :host([network-quality='1']) .bar[data-on],
  :host([network-quality='2']) .bar[data-on] {
    background: var(--participant-tile-quality-poor-color, #f85149);
  }
  /* The talking ring sits over the video, inside the tile's rounded corners. */
  :host::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: inherit;
    pointer-events: none;
    box-shadow: inset 0 0 0 var(--participant-tile-talking-width, 3px) var(--participant-tile-talking-color, var(--jre-accent, #2da44e));
    opacity: 0;
    transition: opacity 150ms ease-out;
  }
  :host([talking])::after {
    opacity: 1;
  }
  [part='reconnecting'] {
    position: absolute;
    top: 50%;
    left: 50%;
    transform: translate(-50%, -50%);
    padding: 0.25em 0.75em;
    border-radius: 999px;
    background: var(--participant-tile-reconnecting-background, rgb(0 0 0 / 65%));
    color: #fff;
    font-size: 0.875em;
    white-space: nowrap;
  }
  [part='reconnecting']:empty {
    display: none;
  }
  :host([reconnecting]) [part='video'] {
    opacity: 0.5;
  }
  [part='overlay'] {
    position: absolute;
    inset: 0;
    pointer-events: none;
  }
  ::slotted(*) {
    pointer-events: auto;
  }
`;
