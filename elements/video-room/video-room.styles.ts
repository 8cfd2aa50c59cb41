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
  [part='grid'] {
    display: grid;
    gap: var(--video-room-gap, 0.5rem);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, var(--video-room-tile-min-width, 240px)), 1fr));
    align-content: start;
  }
`;
