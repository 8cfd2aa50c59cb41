// Its room is the provider: registering it too means a page can import this module alone.
import '../video-room/define.js';
import { defineElement } from '../../src/define.js';
import { RoomControls } from './room-controls.js';

defineElement('room-controls', RoomControls);

declare global {
  interface HTMLElementTagNameMap {
    'room-controls': RoomControls;
  }
}

export { RoomControls };
