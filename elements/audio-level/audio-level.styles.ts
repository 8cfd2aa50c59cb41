import { css } from 'lit';

export const audioLevelStyles = css`
  :host {
    display: inline-flex;
    vertical-align: middle;
    --level: 0;
  }
  :host([hidden]) {
    display: none;
  }
  [part='meter'] {
    display: inline-flex;
    align-items: center;
    gap: var(--audio-level-gap, 2px);
    height: var(--audio-level-height, 1em);
  }
  /*
   * Bar i (from 1) is lit once the level passes (i - 1) / bars: the level is written to --level on
   * the host, and each bar's opacity follows from it, so a new level re-renders nothing.
   */
  [part='bar'] {
    width: var(--audio-level-bar-width, 3px);
    height: calc(35% + 65% * var(--i) / var(--bars));
    border-radius: 1px;
    background: var(--audio-level-color, var(--jre-accent, #3fb950));
    opacity: clamp(var(--audio-level-off-opacity, 0.3), (var(--level) * var(--bars) - var(--i) + 1) * 100, 1);
    transition: opacity 60ms linear;
  }
`;
