// Its room is the provider: registering it too means a page can import this module alone.
import '../video-room/define.js';
import { defineElement } from '../../src/define.js';
import { DeviceSelect } from './device-select.js';

defineElement('device-select', DeviceSelect);

declare global {
  interface HTMLElementTagNameMap {
    'device-select': DeviceSelect;
  }
}

export { DeviceSelect };
