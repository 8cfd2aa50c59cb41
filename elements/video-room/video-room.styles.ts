import { css } from 'lit';

export const videoRoomStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    background: var(--video-room-background, transparent);
  }
  :host([hidden]) {
    display: none;
  }
  [part='audio-blocked'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    justify-content: space-between;
    margin-bottom: var(--video-room-gap, 0.5rem);
    padding: 0.5rem 0.75rem;
    border-radius: var(--jre-radius, 8px);
    background: var(--video-room-notice-background, var(--jre-surface, #1f2328));
    color: var(--video-room-notice-color, var(--jre-on-surface, #f6f8fa));
  }
  [part='start-audio'] {
    font: inherit;
    padding: 0.375rem 0.875rem;
    border: 0;
    border-radius: 999px;
    background: var(--jre-accent, #2f81f7);
    color: var(--jre-on-accent, #fff);
    cursor: pointer;
  }
  [part='start-audio']:focus-visible {
    outline: 2px solid var(--jre-focus, #2f81f7);
    outline-offset: 2px;
  }
  [part='controls'] {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: var(--video-room-gap, 0.5rem);
    margin-top: var(--video-room-gap, 0.5rem);
  }
  [part='grid'] {
    display: grid;
    gap: var(--video-room-gap, 0.5rem);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, var(--video-room-tile-min-width, 240px)), 1fr));
    align-content: start;
  }
  [part='share-layout'] {
    display: grid;
    gap: var(--video-room-gap, 0.5rem);
    grid-template-columns: minmax(0, 1fr) var(--video-room-strip-width, 240px);
    align-items: start;
  }
  [part='stage'] participant-tile {
    --participant-tile-aspect-ratio: var(--video-room-stage-aspect-ratio, 16 / 9);
  }
  [part='strip'] {
    display: flex;
    flex-direction: column;
    gap: var(--video-room-gap, 0.5rem);
    max-block-size: 80vh;
    overflow-y: auto;
  }
  @media (max-width: 640px) {
    [part='share-layout'] {
      grid-template-columns: minmax(0, 1fr);
    }
    [part='strip'] {
      flex-direction: row;
      overflow-x: auto;
    }
    [part='strip'] participant-tile {
      flex: 0 0 40%;
    }
  }
`;
