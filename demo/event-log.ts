// The demo's event log: every event an app can listen to, as it happens (untrusted names are
// written as text).
import type { VideoRoom } from '../src/index.js';

const log = document.querySelector<HTMLOListElement>('#log')!;

export function note(text: string): void {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()}  ${text}`;
  log.prepend(item);
  while (log.children.length > 100) log.lastElementChild!.remove();
}

export function logEvents(room: VideoRoom): void {
  room.addEventListener('room.joined', (e) => note(`room.joined: ${e.detail.room_session.members.length} member(s)`));
  const kind = (member: { type: string }) => (member.type === 'member' ? '' : ` (${member.type})`);
  room.addEventListener('member.joined', (e) => note(`member.joined: ${e.detail.member.name}${kind(e.detail.member)}`));
  room.addEventListener('member.left', (e) => note(`member.left: ${e.detail.member.name}${kind(e.detail.member)}`));
  room.addEventListener('trackPublished', (e) => note(`trackPublished: ${e.detail.participant.identity}'s ${e.detail.publication.trackName}`));
  room.addEventListener('member.updated', (e) =>
    note(`member.updated: ${e.detail.member.name} ${e.detail.member.updated.map((key) => `${key}=${JSON.stringify(e.detail.member[key])}`).join(' ')}`),
  );
  room.addEventListener('trackSubscribed', (e) => note(`trackSubscribed: ${e.detail.participant.identity}'s ${e.detail.track.kind}`));
  room.addEventListener('trackStarted', (e) => note(`trackStarted: ${e.detail.participant.identity}'s ${e.detail.track.kind}`));
  for (const device of ['camera', 'microphone', 'speaker'] as const) {
    room.addEventListener(`${device}.updated`, (e) => note(`${device}.updated: ${e.detail.current.label || e.detail.current.deviceId || 'default'}`));
    room.addEventListener(`${device}.disconnected`, (e) => note(`${device}.disconnected: ${e.detail.label}`));
  }
  room.addEventListener('audio.blocked', () => note('audio.blocked: click "Enable audio" to hear the others'));
  room.addEventListener('dominantSpeakerChanged', (e) => note(`dominantSpeakerChanged: ${e.detail.dominantSpeaker?.identity ?? 'nobody'}`));
  room.addEventListener('layout.changed', (e) =>
    note(`layout.changed: ${e.detail.layout.name}, ${e.detail.layout.layers.filter((layer) => layer.visible).length} shown`),
  );
  room.addEventListener('networkQualityLevelChanged', (e) =>
    note(`networkQualityLevelChanged: ${e.detail.participant.identity} ${e.detail.networkQualityLevel ?? '?'}/5`),
  );
  room.addEventListener('trackSwitchedOff', (e) => note(`trackSwitchedOff: ${e.detail.participant.identity}'s video (no tile shows it)`));
  room.addEventListener('trackSwitchedOn', (e) => note(`trackSwitchedOn: ${e.detail.participant.identity}'s video`));
  room.addEventListener('trackDimensionsChanged', (e) => {
    const size = e.detail.track.dimensions;
    if (size) note(`trackDimensionsChanged: ${e.detail.participant.identity}'s video at ${size.width}x${size.height}`);
  });
  room.addEventListener('room.updated', (e) => note(`room.updated: ${e.detail.updated.map((key) => `${key}=${JSON.stringify(e.detail.room[key])}`).join(' ')}`));
  // The chat beside the room: its events bubble like the room's.
  const chat = document.querySelector('room-chat')!;
  chat.addEventListener('messageAdded', (e) => note(`chat messageAdded: ${e.detail.message.author}: ${e.detail.message.body}`));
  chat.addEventListener('connectionStateChanged', (e) => note(`chat connectionStateChanged: ${e.detail.connectionState}`));
  room.addEventListener('room.audience_count', (e) => note(`room.audience_count: ${e.detail.total}`));
  room.addEventListener('member.promoted', () => note('member.promoted: you are a member now'));
  room.addEventListener('member.demoted', () => note('member.demoted: you are in the audience now'));
  room.addEventListener('tokenAboutToExpire', () => note('tokenAboutToExpire'));
  room.addEventListener('media.connected', () => note('media.connected'));
  room.addEventListener('media.reconnecting', () => note('media.reconnecting'));
  room.addEventListener('media.disconnected', () => note('media.disconnected'));
  room.addEventListener('reconnecting', (e) => note(`reconnecting: ${e.detail.error.name}`));
  room.addEventListener('reconnected', () => note('reconnected'));
  room.addEventListener('participantReconnecting', (e) => note(`participantReconnecting: ${e.detail.participant.identity}`));
  room.addEventListener('participantReconnected', (e) => note(`participantReconnected: ${e.detail.participant.identity}`));
  room.addEventListener('error', (e) => note(`error: ${e.detail.error.name}: ${e.detail.error.message}`));
}
