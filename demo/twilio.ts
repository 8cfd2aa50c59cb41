// The demo's Twilio page: code as a twilio-video app writes it, with the import changed.
import { connect, createLocalTracks, type Participant, type RemoteParticipant, type Room } from '../src/twilio/index.js';
import { roomService, tokenFor } from './dev-token.js';

const form = document.querySelector<HTMLFormElement>('#connect-form')!;
const connectButton = document.querySelector<HTMLButtonElement>('#connect')!;
const disconnectButton = document.querySelector<HTMLButtonElement>('#disconnect')!;
const status = document.querySelector<HTMLParagraphElement>('#twilio-status')!;
const list = document.querySelector<HTMLUListElement>('#participants')!;
const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
const params = new URLSearchParams(location.search);
field('identity').value = params.get('name') ?? `Guest ${Math.floor(100 + Math.random() * 900)}`;
field('room').value = params.get('room') ?? 'demo';
document.querySelector<HTMLElement>('#needs-service')!.hidden = Boolean(roomService);
connectButton.disabled = !roomService;

let room: Room | undefined;

/** One list item per participant; names are untrusted text (textContent only). */
function viewOf(participant: Participant): HTMLLIElement {
  let item = list.querySelector<HTMLLIElement>(`li[data-sid="${CSS.escape(participant.sid)}"]`);
  if (!item) {
    item = document.createElement('li');
    item.dataset['sid'] = participant.sid;
    const name = document.createElement('strong');
    name.textContent = participant.identity;
    item.append(name);
    list.append(item);
  }
  return item;
}

function showParticipant(participant: RemoteParticipant): void {
  viewOf(participant);
  participant.on('trackSubscribed', (track: { kind: string; attach?: () => HTMLMediaElement }) => {
    if (track.kind !== 'data' && track.attach) viewOf(participant).append(track.attach());
  });
  participant.on('trackUnsubscribed', (track: { detach?: () => HTMLMediaElement[] }) => track.detach?.().forEach((element) => element.remove()));
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  connectButton.disabled = true;
  status.textContent = 'Connecting…';
  try {
    const tracks = await createLocalTracks();
    const token = await tokenFor(field('identity').value, field('room').value, 'member');
    room = await connect(token, { name: field('room').value, tracks, dominantSpeaker: true });
    status.textContent = `Connected to ${room.name} as ${room.localParticipant.identity}`;
    const self = viewOf(room.localParticipant);
    self.classList.add('local');
    const camera = tracks.find((track) => track.kind === 'video');
    if (camera) self.append(camera.attach());
    room.participants.forEach(showParticipant);
    room.on('participantConnected', showParticipant);
    room.on('participantDisconnected', (participant: RemoteParticipant) => viewOf(participant).remove());
    room.on('dominantSpeakerChanged', (speaker: RemoteParticipant | null) => {
      for (const item of list.querySelectorAll('li')) item.classList.toggle('dominant', item.dataset['sid'] === speaker?.sid);
    });
    room.once('disconnected', (_room: Room, error: (Error & { code?: number }) | null) => {
      status.textContent = error ? `Disconnected: ${error.code} ${error.message}` : 'Disconnected';
      tracks.forEach((track) => track.stop());
      list.replaceChildren();
      connectButton.disabled = false;
      disconnectButton.disabled = true;
    });
    disconnectButton.disabled = false;
  } catch (error) {
    const { name, message, code } = error as Error & { code?: number };
    status.textContent = `Could not connect: ${code ?? name} ${message}`;
    connectButton.disabled = false;
  }
});

disconnectButton.addEventListener('click', () => room?.disconnect());
