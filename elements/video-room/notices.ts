/** The notices above a `<video-room>`'s layout: sound held back, reconnecting, recording, and the announcer. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Strings } from '../../src/i18n/strings.js';
import type { RoomSnapshot } from '../../src/room/types.js';

export function renderNotices(strings: Strings, snapshot: RoomSnapshot, audioBlocked: boolean, startAudio: () => void, announcement: string): TemplateResult {
  return html`${audioBlocked
      ? html`<div part="audio-blocked" role="alert">
          <span>${strings.audioBlocked}</span>
          <button part="start-audio" type="button" @click=${startAudio}>${strings.enableAudio}</button>
        </div>`
      : nothing}
    <div part="reconnecting" role="status">${snapshot.state === 'reconnecting' ? strings.roomReconnecting : nothing}</div>
    <div part="recording" role="status">${snapshot.service?.recording ? html`<span class="dot" aria-hidden="true"></span>${strings.recording}` : nothing}</div>
    <div part="announcer" class="visually-hidden" role="status" aria-live="polite">${announcement}</div>`;
}
