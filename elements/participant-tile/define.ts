import '../audio-level/define.js';
import { defineElement } from '../../src/define.js';
import { ParticipantTile } from './participant-tile.js';

defineElement('participant-tile', ParticipantTile);

declare global {
  interface HTMLElementTagNameMap {
    'participant-tile': ParticipantTile;
  }
}

export { ParticipantTile };
