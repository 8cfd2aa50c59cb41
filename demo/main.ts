// The demo page: everything here is what an application would write.
import { RoomError, type LayoutName, type VideoRoom } from '../src/index.js';
import { roomService, tokenFor } from './dev-token.js';
import { roomTools } from './room-tools.js';

const params = new URLSearchParams(location.search);
const form = document.querySelector<HTMLFormElement>('#join-form')!;
const who = document.querySelector<HTMLFieldSetElement>('#who')!;
const lobby = document.querySelector<HTMLElement>('#lobby')!;
const room = document.querySelector<VideoRoom>('#room')!;
const status = document.querySelector<HTMLParagraphElement>('#status')!;
const log = document.querySelector<HTMLOListElement>('#log')!;
const joinButton = document.querySelector<HTMLButtonElement>('#join')!;
const layoutPicker = document.querySelector<HTMLSelectElement>('#layout')!;
const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;

// The dev server forwards /janus to Janus's WebSocket API; ?server= points elsewhere.
room.server = params.get('server') ?? `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/janus`;

// With JANUS_CONFIG=secure this page joins with room tokens (dev-token.ts).
const roleField = document.querySelector<HTMLLabelElement>('#role-field')!;
roleField.hidden = !roomService;

field('identity').value = params.get('name') ?? `Guest ${Math.floor(100 + Math.random() * 900)}`;
field('room').value = params.get('room') ?? 'demo';

function say(text: string, isError = false): void {
  status.textContent = text;
  status.classList.toggle('error', isError);
}

function note(text: string): void {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()}  ${text}`;
  log.prepend(item);
  while (log.children.length > 100) log.lastElementChild!.remove();
}

/** The lobby is for setting up: it is locked while joining and hidden in the call. */
function show(state: 'lobby' | 'joining' | 'call'): void {
  who.disabled = state !== 'lobby';
  joinButton.disabled = state !== 'lobby';
  lobby.hidden = state === 'call';
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  room.identity = field('identity').value;
  room.room = field('room').value;
  show('joining');
  say('Joining… (the Cancel button below stops it)');
  try {
    if (roomService) room.token = await tokenFor(room.identity, room.room, (form.elements.namedItem('role') as HTMLSelectElement).value);
    await room.join();
    show('call');
    const share = new URL(location.href);
    share.searchParams.set('room', room.room);
    share.searchParams.delete('name');
    history.replaceState(null, '', share);
    say(`In room "${room.room}" as ${room.identity}. Open ${share.href} in another tab to join as someone else.`);
  } catch (error) {
    show('lobby');
    const e = error as Error;
    if (e.name === 'AbortError') say('Joining cancelled.');
    else say(`Could not join: ${e.name}${e instanceof RoomError ? ` (${e.code})` : ''}: ${e.message}`, true);
  }
});

// The layouts the room knows, in a native select; the room's layout attribute follows setLayout.
const layoutNames: Record<string, string> = { 'grid-responsive': 'Grid', 'highlight-1-responsive': 'Speaker', 'screen-share': 'Share' };
void room.getLayouts().then(({ layouts }) => {
  for (const name of layouts) layoutPicker.append(new Option(layoutNames[name] ?? name, name));
});
layoutPicker.addEventListener('change', () => {
  room.setLayout({ name: layoutPicker.value === '' ? 'auto' : (layoutPicker.value as LayoutName) }).catch(() => {
    // Reported through the error event.
  });
});

room.addEventListener('room.left', (event) => {
  show('lobby');
  say(event.detail.reason ? `Left the room (${event.detail.reason}).` : 'Left the room.');
});
room.addEventListener('disconnected', (e) => {
  if (e.detail.error) say(`Disconnected: ${e.detail.error.name}: ${e.detail.error.message}`, true);
});
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
room.addEventListener('layout.changed', (e) => {
  layoutPicker.value = room.layout;
  note(`layout.changed: ${e.detail.layout.name}, ${e.detail.layout.layers.filter((layer) => layer.visible).length} shown`);
});
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
roomTools(room, note);
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
// Stop Janus (or pull the network) during a call: the room says so, then comes back.
room.addEventListener('reconnecting', (e) => {
  note(`reconnecting: ${e.detail.error.name} (${(e.detail.error as RoomError).code})`);
  say('Connection lost. Reconnecting…', true);
});
room.addEventListener('reconnected', () => {
  note('reconnected');
  say('Back in the room.');
});
room.addEventListener('participantReconnecting', (e) => note(`participantReconnecting: ${e.detail.participant.identity}`));
room.addEventListener('participantReconnected', (e) => note(`participantReconnected: ${e.detail.participant.identity}`));
room.addEventListener('error', (e) => {
  note(`error: ${e.detail.error.name}: ${e.detail.error.message}`);
  // Failures outside join() (a camera that cannot start, a denied permission...) say so here too.
  if (room.active) say(`${e.detail.error.name}: ${e.detail.error.message}`, true);
});
