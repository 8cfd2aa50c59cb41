// Its room is the provider, and its view is a tile: registering them too means a page can import this module alone.
import '../video-room/define.js';
import { defineElement } from '../../src/define.js';
import { ScreenShare } from './screen-share.js';

defineElement('screen-share', ScreenShare);

declare global {
  interface HTMLElementTagNameMap {
    'screen-share': ScreenShare;
  }
}

export { ScreenShare };
