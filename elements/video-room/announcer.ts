/**
 * `<video-room>`'s live region: tells screen-reader users who joined or left, and who muted or
 * unmuted their microphone or turned their camera off or on (the others; this client's own
 * toggles say their state with `aria-pressed`). Names are text, never markup.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MemberEventDetail, MemberUpdatedDetail } from '../../src/events/event-map.js';
import { stringsFor } from '../../src/i18n/strings.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly memberId: string | null };

export class Announcer implements ReactiveController {
  /** What the live region says now. */
  text = '';

  /**
   * Each other member's microphone and camera as last heard, and whether each has been on yet:
   * only a change of one that was on is told (a member's media arriving after they join is not).
   */
  private readonly known = new Map<string, { audio: boolean; video: boolean; audioSeen: boolean; videoSeen: boolean }>();

  private readonly listeners: [string, (event: Event) => void][] = [
    ['member.joined', (event) => this.onMember(event, true)],
    ['member.left', (event) => this.onMember(event, false)],
    ['member.updated', (event) => this.onUpdated(event as CustomEvent<MemberUpdatedDetail>)],
    // A later join starts from what that join reports.
    ['room.left', () => this.known.clear()],
  ];

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    for (const [type, listener] of this.listeners) this.host.addEventListener(type, listener);
  }

  hostDisconnected(): void {
    for (const [type, listener] of this.listeners) this.host.removeEventListener(type, listener);
  }

  private onMember(event: Event, joined: boolean): void {
    const { member } = (event as CustomEvent<MemberEventDetail>).detail;
    if (member.type !== 'member' || event.target !== this.host) return;
    const strings = stringsFor(this.host);
    if (joined) this.remember(member.id, member.audio_muted, member.video_muted);
    else this.known.delete(member.id);
    this.say((joined ? strings.memberJoined : strings.memberLeft)(member.name));
  }

  private onUpdated(event: CustomEvent<MemberUpdatedDetail>): void {
    const { member } = event.detail;
    if (event.target !== this.host || member.id === this.host.memberId) return;
    const before = this.known.get(member.id);
    this.remember(member.id, member.audio_muted, member.video_muted);
    if (!before || member.type !== 'member') return;
    const strings = stringsFor(this.host);
    if (before.audioSeen && member.audio_muted !== before.audio) this.say((member.audio_muted ? strings.memberMuted : strings.memberUnmuted)(member.name));
    if (before.videoSeen && member.video_muted !== before.video) this.say((member.video_muted ? strings.memberCameraOff : strings.memberCameraOn)(member.name));
  }

  private remember(id: string, audioMuted: boolean, videoMuted: boolean): void {
    const before = this.known.get(id);
    this.known.set(id, {
      audio: audioMuted,
      video: videoMuted,
      audioSeen: (before?.audioSeen ?? false) || !audioMuted,
      videoSeen: (before?.videoSeen ?? false) || !videoMuted,
    });
  }

  private say(text: string): void {
    this.text = text;
    this.host.requestUpdate();
  }
}
