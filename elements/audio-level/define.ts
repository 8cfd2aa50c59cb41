import { defineElement } from '../../src/define.js';
import { AudioLevel } from './audio-level.js';

defineElement('audio-level', AudioLevel);

declare global {
  interface HTMLElementTagNameMap {
    'audio-level': AudioLevel;
  }
}

export { AudioLevel };
