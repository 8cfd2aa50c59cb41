/** A stand-in for <video-room> that provides room snapshots through context, and fake tracks. */
import { provide } from '@lit/context';
import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { roomStateContext } from '../../src/context/context.js';
import type { Member, MemberMedia, RoomSnapshot, TrackSource } from '../../src/room/types.js';

export class FakeRoom extends LitElement {
  @provide({ context: roomStateContext })
  @property({ attribute: false })
  snapshot: RoomSnapshot = snapshotOf([]);

  override render() {
    return html`<slot></slot>`;
  }
}
customElements.define('fake-room', FakeRoom);

export function member(id: string, name: string, extra: Partial<Member> = {}): Member {
  return {
    id,
    name,
    type: 'member',
    room_id: 'r',
    room_session_id: 'r',
    visible: true,
    audio_muted: false,
    video_muted: false,
    deaf: false,
    talking: false,
    local: false,
    meta: {},
    handraised: false,
    ...extra,
  };
}

/** A member's media from a microphone and a camera track. */
export function mediaOf({ audio = null, video = null }: { audio?: MediaStreamTrack | null; video?: MediaStreamTrack | null } = {}): MemberMedia {
  const sources = new Map<TrackSource, MediaStreamTrack>();
  if (audio) sources.set('microphone', audio);
  if (video) sources.set('camera', video);
  return { audio, video, sources, videoSwitchedOff: false };
}

export function snapshotOf(entries: Array<[Member, { audio?: MediaStreamTrack | null; video?: MediaStreamTrack | null }?]>): RoomSnapshot {
  return {
    state: 'connected',
    roomId: 'r',
    roomSessionId: 'r',
    roomName: 'r',
    memberId: entries.find(([m]) => m.local)?.[0].id ?? null,
    members: entries.map(([m]) => m),
    media: new Map(entries.map(([m, media]) => [m.id, mediaOf(media)])),
    participants: new Map(),
    localParticipant: null,
    networkQuality: new Map(),
    localStream: null,
    mediaConnected: true,
    dominantSpeakerId: null,
    layout: { name: 'grid-responsive', room_session_id: 'r', room_id: 'r', layers: [] },
    layoutPage: { page: 1, pages: 1 },
    hideVideoMuted: false,
    self: { camera: null, microphone: null, cameraDevice: null, microphoneDevice: null, speaker: null, audioMuted: false, videoMuted: false, deaf: false, screenShare: 'off', mirrored: true, overlay: true },
    service: null,
  };
}

/** A live video track from a canvas (no camera needed). */
export function videoTrack(): MediaStreamTrack {
  const canvas = document.createElement('canvas');
  canvas.width = 64;
  canvas.height = 48;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#3a7';
  context.fillRect(0, 0, 64, 48);
  return canvas.captureStream(5).getVideoTracks()[0]!;
}

/** A live audio track from Web Audio (no microphone needed): a steady 440 Hz tone. */
export function audioTrack(): MediaStreamTrack {
  const audio = new AudioContext();
  const destination = audio.createMediaStreamDestination();
  const tone = audio.createOscillator();
  tone.connect(destination);
  tone.start();
  return destination.stream.getAudioTracks()[0]!;
}
