import { css } from 'lit';

export const videoRoomStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    box-sizing: border-box;
    background: var(--video-room-background, transparent);
  }
  :host([hidden]) {
    display: none;
  }
  [part='reconnecting']:empty,
  [part='recording']:empty {
    display: none;
  }
  [part='recording'] {
    display: inline-flex;
    align-self: flex-start;
    align-items: center;
    gap: 0.375rem;
    margin-bottom: var(--video-room-gap, 0.5rem);
    padding: 0.125rem 0.625rem;
    border-radius: 999px;
    font-size: 0.8125rem;
    font-weight: 600;
    color: var(--video-room-recording-color, #fff);
    background: var(--video-room-recording-background, var(--jre-danger, #cf222e));
  }
  [part='recording'] .dot {
    inline-size: 0.5rem;
    block-size: 0.5rem;
    border-radius: 50%;
    background: currentColor;
  }
  [part='audio-blocked'],
  [part='reconnecting'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    justify-content: space-between;
    margin-bottom: var(--video-room-gap, 0.5rem);
    padding: 0.5rem 0.75rem;
    border-radius: var(--jre-radius, 8px);
    background: var(--video-room-notice-background, var(--jre-surface, light-dark(#ffffff, #1f2328)));
    color: var(--video-room-notice-color, var(--jre-on-surface, light-dark(#1f2328, #f6f8fa)));
  }
  /* The room's own buttons: Enable audio and the page buttons. */
  button {
    font: inherit;
    border: 0;
    border-radius: 999px;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 2px solid var(--jre-focus, light-dark(#0969da, #4493f8));
    outline-offset: 2px;
  }
  [part='start-audio'] {
    padding: 0.375rem 0.875rem;
    background: var(--jre-accent, #2f81f7);
    color: var(--jre-on-accent, #fff);
  }
  [part='controls'] {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: var(--video-room-gap, 0.5rem);
    margin-top: var(--video-room-gap, 0.5rem);
  }
  [part='layout'] {
    position: relative;
    aspect-ratio: var(--video-room-aspect-ratio, 16 / 9);
    /* Given a height, the room fills it: the canvas takes what the notice and controls leave. */
    flex: 1 1 auto;
    min-height: 0;
    margin: calc(var(--video-room-gap, 0.5rem) / -2);
  }
  [part='layout'][hidden] {
    display: none;
  }
  [part='cell'] {
    position: absolute;
    box-sizing: border-box;
    padding: calc(var(--video-room-gap, 0.5rem) / 2);
  }
  [part='cell'][hidden] {
    display: none;
  }
  [part='cell'] participant-tile {
    width: 100%;
    height: 100%;
    --participant-tile-aspect-ratio: auto;
  }
  [part='pagination'] {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 0.75rem;
    margin-top: var(--video-room-gap, 0.5rem);
  }
  [part='page-previous'],
  [part='page-next'] {
    min-inline-size: 2.5rem;
    padding: 0.25rem 0.75rem;
    background: var(--jre-surface, light-dark(#ffffff, #1f2328));
    color: var(--jre-on-surface, light-dark(#1f2328, #f6f8fa));
  }
  [part='page-previous']:disabled,
  [part='page-next']:disabled {
    opacity: 0.4;
    cursor: default;
  }
`;
