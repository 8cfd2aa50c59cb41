import '../participant-tile/define.js';
import { defineElement } from '../../src/define.js';
import { VideoRoom } from './video-room.js';

defineElement('video-room', VideoRoom);

declare global {
  interface HTMLElementTagNameMap {
    'video-room': VideoRoom;
  }
}

export { VideoRoom };
