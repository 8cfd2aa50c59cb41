// An Angular app with a video room. CUSTOM_ELEMENTS_SCHEMA lets the template use the tags;
// `[prop]` sets their properties and `(event)` listens to their DOM events, dotted SignalWire
// names included: `(member.joined)`.
import { CUSTOM_ELEMENTS_SCHEMA, Component, ElementRef, signal, viewChild } from '@angular/core';
import 'janus-room-elements/video-room.js';
import 'janus-room-elements/room-controls.js';
import type { MemberEventDetail, MemberUpdatedDetail, ParticipantEventDetail, VideoRoom } from 'janus-room-elements';

const params = new URLSearchParams(location.search);

@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <h1>Angular: {{ roomName }}</h1>
      <video-room
        #room
        [server]="server"
        [room]="roomName"
        [identity]="identity"
        auto-join
        (member.joined)="onMemberJoined($event)"
        (member.updated)="onMemberUpdated($event)"
        (participantConnected)="onParticipantConnected($event)"
      >
        <room-controls slot="controls"></room-controls>
      </video-room>
      <button id="mute" type="button" [attr.aria-pressed]="muted()" (click)="toggleMicrophone()">
        {{ muted() ? 'Unmute' : 'Mute' }} microphone
      </button>
      <p id="joined" role="status">{{ joined().length ? 'Joined: ' + joined().join(', ') : 'Nobody else yet' }}</p>
      <p id="connected">{{ lastConnected() && 'participantConnected: ' + lastConnected() }}</p>
    </main>
  `,
})
export class AppComponent {
  readonly server = params.get('server') ?? `ws://${location.host}/janus`;
  readonly roomName = params.get('room') ?? 'demo';
  readonly identity = params.get('name') ?? 'Angular user';
  readonly room = viewChild.required<ElementRef<VideoRoom>>('room');
  readonly joined = signal<string[]>([]);
  readonly lastConnected = signal('');
  readonly muted = signal(false);

  // Angular types `$event` of a custom element's event as Event; the detail types say what it holds.
  onMemberJoined(event: Event): void {
    const { member } = (event as CustomEvent<MemberEventDetail>).detail;
    this.joined.update((names) => [...names, member.name]);
  }

  onMemberUpdated(event: Event): void {
    const { member } = (event as CustomEvent<MemberUpdatedDetail>).detail;
    if (member.id === this.room().nativeElement.memberId && member.updated.includes('audio_muted')) this.muted.set(member.audio_muted);
  }

  onParticipantConnected(event: Event): void {
    this.lastConnected.set((event as CustomEvent<ParticipantEventDetail>).detail.participant.identity);
  }

  async toggleMicrophone(): Promise<void> {
    const room = this.room().nativeElement;
    await (this.muted() ? room.audioUnmute() : room.audioMute());
  }
}
