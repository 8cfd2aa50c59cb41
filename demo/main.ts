// The demo page: everything here is what an application would write.
import { RoomError, type VideoRoom } from '../src/index.js';

const params = new URLSearchParams(location.search);
const form = document.querySelector<HTMLFormElement>('#join-form')!;
const room = document.querySelector<VideoRoom>('#room')!;
const status = document.querySelector<HTMLParagraphElement>('#status')!;
const log = document.querySelector<HTMLOListElement>('#log')!;
const leaveButton = document.querySelector<HTMLButtonElement>('#leave')!;
const joinButton = document.querySelector<HTMLButtonElement>('#join')!;
const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;

// The dev server forwards /janus to Janus's WebSocket API; ?server= points elsewhere.
room.server = params.get('server') ?? `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/janus`;
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

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  room.identity = field('identity').value;
  room.room = field('room').value;
  room.video = field('camera').checked;
  room.audio = field('microphone').checked;
  joinButton.disabled = true;
  say('Joining…');
  try {
    await room.join();
    leaveButton.disabled = false;
    const share = new URL(location.href);
    share.searchParams.set('room', room.room);
    share.searchParams.delete('name');
    history.replaceState(null, '', share);
    say(`In room "${room.room}" as ${room.identity}. Open ${share.href} in another tab to join as someone else.`);
  } catch (error) {
    const e = error as Error;
    const code = e instanceof RoomError ? ` (${e.code})` : '';
    say(`Could not join: ${e.name}${code}: ${e.message}`, true);
    joinButton.disabled = false;
  }
});

leaveButton.addEventListener('click', async () => {
  leaveButton.disabled = true;
  await room.leave();
});

room.addEventListener('room.left', (event) => {
  joinButton.disabled = false;
  leaveButton.disabled = true;
  say(event.detail.reason ? `Left the room (${event.detail.reason}).` : 'Left the room.');
});
room.addEventListener('room.joined', (e) => note(`room.joined: ${e.detail.room_session.members.length} member(s)`));
room.addEventListener('member.joined', (e) => note(`member.joined: ${e.detail.member.name}`));
room.addEventListener('member.left', (e) => note(`member.left: ${e.detail.member.name}`));
room.addEventListener('trackSubscribed', (e) =>
  note(`trackSubscribed: ${e.detail.participant.identity}'s ${e.detail.track.kind}`),
);
room.addEventListener('trackStarted', (e) => note(`trackStarted: ${e.detail.participant.identity}'s ${e.detail.track.kind}`));
room.addEventListener('media.connected', () => note('media.connected'));
room.addEventListener('media.disconnected', () => note('media.disconnected'));
room.addEventListener('disconnected', (e) => {
  if (e.detail.error) say(`Disconnected: ${e.detail.error.name}: ${e.detail.error.message}`, true);
});
room.addEventListener('error', (e) => note(`error: ${e.detail.error.name}: ${e.detail.error.message}`));
