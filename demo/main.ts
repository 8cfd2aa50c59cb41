// The demo page, a reference app: everything here is what an application would write.
import { RoomError, type LayoutName, type VideoRoom } from '../src/index.js';
import { text, translatePage } from './demo-strings.js';
import { roomService, tokenFor } from './dev-token.js';
import { logEvents, note } from './event-log.js';
import { roomTools } from './room-tools.js';

const params = new URLSearchParams(location.search);
const form = document.querySelector<HTMLFormElement>('#join-form')!;
const who = document.querySelector<HTMLFieldSetElement>('#who')!;
const lobby = document.querySelector<HTMLElement>('#lobby')!;
const room = document.querySelector<VideoRoom>('#room')!;
const status = document.querySelector<HTMLParagraphElement>('#status')!;
const connection = document.querySelector<HTMLElement>('#connection')!;
const connectionText = document.querySelector<HTMLElement>('#connection-text')!;
const joinButton = document.querySelector<HTMLButtonElement>('#join')!;
const layoutPicker = document.querySelector<HTMLSelectElement>('#layout')!;
const themePicker = document.querySelector<HTMLSelectElement>('#theme')!;
const languagePicker = document.querySelector<HTMLSelectElement>('#language')!;
const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;

// The dev server forwards /janus to Janus's WebSocket API; ?server= points elsewhere.
room.server = params.get('server') ?? `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/janus`;

// With JANUS_CONFIG=secure this page joins with room tokens (dev-token.ts).
const roleField = document.querySelector<HTMLLabelElement>('#role-field')!;
roleField.hidden = !roomService;

field('identity').value = params.get('name') ?? `Guest ${Math.floor(100 + Math.random() * 900)}`;
field('room').value = params.get('room') ?? 'demo';

// Theme: the system's by default; the elements follow --jre-color-scheme, the page color-scheme.
function applyTheme(theme: string): void {
  document.documentElement.style.setProperty('--jre-color-scheme', theme || 'light dark');
  document.documentElement.style.colorScheme = theme || 'light dark';
  localStorage.setItem('demo-theme', theme);
}
themePicker.value = params.get('theme') ?? localStorage.getItem('demo-theme') ?? '';
applyTheme(themePicker.value);
themePicker.addEventListener('change', () => applyTheme(themePicker.value));

// Language: the elements follow the nearest lang attribute, here the page's.
function applyLanguage(lang: string): void {
  document.documentElement.lang = lang;
  localStorage.setItem('demo-lang', lang);
  translatePage();
  setConnection(connection.dataset['state'] as ConnectionState);
}
languagePicker.value = params.get('lang') ?? localStorage.getItem('demo-lang') ?? (navigator.language.startsWith('de') ? 'de' : 'en');
languagePicker.addEventListener('change', () => applyLanguage(languagePicker.value));

type ConnectionState = 'disconnected' | 'connecting' | 'connected' | 'reconnecting';
function setConnection(state: ConnectionState): void {
  connection.dataset['state'] = state;
  const words = text();
  connectionText.textContent = { disconnected: words.notConnected, connecting: words.connecting, connected: words.connected, reconnecting: words.reconnecting }[state];
}
applyLanguage(languagePicker.value);

function say(message: string, isError = false): void {
  status.textContent = message;
  status.classList.toggle('error', isError);
}
say(text().notInRoom);

/** The lobby is for setting up: it is locked while joining and hidden in the call. */
function show(view: 'lobby' | 'joining' | 'call'): void {
  document.body.dataset['view'] = view;
  who.disabled = view !== 'lobby';
  joinButton.disabled = view !== 'lobby';
  lobby.hidden = view === 'call';
  setConnection(view === 'call' ? 'connected' : view === 'joining' ? 'connecting' : 'disconnected');
}

const describe = (e: Error) => `${e.name}${e instanceof RoomError ? ` (${e.code})` : ''}: ${e.message}`;

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  room.identity = field('identity').value;
  room.room = field('room').value;
  show('joining');
  say(text().joining);
  try {
    if (roomService) room.token = await tokenFor(room.identity, room.room, (form.elements.namedItem('role') as HTMLSelectElement).value);
    await room.join();
    show('call');
    const share = new URL(location.href);
    share.searchParams.set('room', room.room);
    share.searchParams.delete('name');
    history.replaceState(null, '', share);
    say(text().inRoom(room.room, room.identity, share.href));
  } catch (error) {
    show('lobby');
    const e = error as Error;
    if (e.name === 'AbortError') say(text().cancelled);
    else say(text().couldNotJoin(describe(e)), true);
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
room.addEventListener('layout.changed', () => (layoutPicker.value = room.layout));

room.addEventListener('room.left', (event) => {
  show('lobby');
  say(text().left(event.detail.reason ?? ''));
});
room.addEventListener('disconnected', (e) => {
  if (e.detail.error) say(text().disconnected(`${e.detail.error.name}: ${e.detail.error.message}`), true);
});
// Stop Janus (or pull the network) during a call: the room says so, then comes back.
room.addEventListener('reconnecting', () => {
  setConnection('reconnecting');
  say(text().reconnecting, true);
});
room.addEventListener('reconnected', () => {
  setConnection('connected');
  say(text().back);
});
room.addEventListener('error', (e) => {
  // Failures outside join() (a camera that cannot start, a denied permission...) say so here too.
  if (room.active) say(describe(e.detail.error), true);
});

logEvents(room);
roomTools(room, note);
