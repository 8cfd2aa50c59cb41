// Its room is the provider: registering it too means a page can import this module alone.
import '../video-room/define.js';
import { defineElement } from '../../src/define.js';
import { RoomChat } from './room-chat.js';

defineElement('room-chat', RoomChat);

declare global {
  interface HTMLElementTagNameMap {
    'room-chat': RoomChat;
  }
}

export { RoomChat };
