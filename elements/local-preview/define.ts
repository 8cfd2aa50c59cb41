// Its room is the provider: registering it too means a page can import this module alone.
import '../video-room/define.js';
import { defineElement } from '../../src/define.js';
import { LocalPreview } from './local-preview.js';

defineElement('local-preview', LocalPreview);

declare global {
  interface HTMLElementTagNameMap {
    'local-preview': LocalPreview;
  }
}

export { LocalPreview };
