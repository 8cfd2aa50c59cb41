/**
 * Every user-facing string of the elements, in one typed table per language. English is the
 * fallback; German (`de`) ships too. Elements follow the nearest `lang` attribute (and re-render
 * when it changes). Add or override a language with `registerStrings('fr', { leave: 'Quitter' })`
 * (any subset; a page's own wording for English too: `registerStrings('en', { leave: 'Hang up' })`).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { GERMAN } from './de.js';

export const ENGLISH = {
  microphoneMuted: 'microphone muted',
  cameraOff: 'camera off',
  muteMicrophone: 'Mute microphone',
  muteCamera: 'Turn off camera',
  leave: 'Leave',
  cancelJoin: 'Cancel joining',
  camera: 'Camera',
  microphone: 'Microphone',
  speaker: 'Speaker',
  systemDefault: 'System default',
  noDevice: 'None found',
  unnamedDevice: (n: number) => `Device ${n}`,
  enableAudio: 'Enable audio',
  audioBlocked: 'The browser is holding back the sound of this call until you click.',
  microphoneLevel: 'Microphone level',
  audioLevel: 'Audio level',
  previewOff: 'Camera off',
  roomControls: 'Call controls',
  devices: 'Devices',
  shareScreen: 'Share screen',
  stopSharing: 'Stop sharing',
  startingShare: 'Choosing what to share',
  screenShareUnsupported: 'This browser cannot share a screen',
  joinToShare: 'Join the room to share your screen',
  /** The bars on a tile: "Network quality 3 of 5". */
  networkQuality: (level: number) => `Network quality ${level} of 5`,
  pages: 'Pages',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  pageOf: (page: number, pages: number) => `Page ${page} of ${pages}`,
  /** On a tile whose media is being restored, and in its accessible name. */
  reconnecting: 'Reconnecting…',
  /** The room's banner while its connection is being restored. */
  roomReconnecting: 'Connection lost. Reconnecting…',
  /** A screen share's name on its tile: "Alice's screen". */
  screenOf: (name: string) => `${name}'s screen`,
  /** `<member-list>`. */
  members: 'Members',
  you: '(you)',
  talking: 'talking',
  deafened: 'deaf',
  inAudience: (n: number) => (n === 1 ? '1 in the audience' : `${n} in the audience`),
  roomLocked: 'Room locked',
  lockRoom: 'Lock room',
  muteMember: (name: string) => `Mute ${name}`,
  stopVideoOf: (name: string) => `Turn off ${name}'s camera`,
  removeMember: (name: string) => `Remove ${name}`,
  demoteMember: (name: string) => `Move ${name} to the audience`,
  audienceHeading: 'Audience',
  promoteMember: (name: string) => `Let ${name} speak (promote)`,
  /** The hand toggle of `<room-controls>`, and the state on a tile or in `<member-list>`. */
  raiseHand: 'Raise hand',
  lowerHand: 'Lower hand',
  handRaised: 'hand raised',
  lowerHandOf: (name: string) => `Lower ${name}'s hand`,
  /** The recording indicator of `<video-room>`. */
  recording: 'Recording',
  /** `<room-chat>`. */
  chat: 'Chat',
  unreadMessages: (n: number) => (n === 1 ? '1 unread message' : `${n} unread messages`),
  chatState: (state: string) =>
    ({ connecting: 'Connecting to the chat…', disconnected: 'The chat starts when you join the room.', error: 'The chat lost its connection.', denied: 'The chat refused this token.' })[state] ?? state,
  chatFailed: 'The chat could not start',
  typing: (names: string[]) => (names.length === 1 ? `${names[0]} is typing…` : `${names.slice(0, -1).join(', ')} and ${names.at(-1)} are typing…`),
  messageInput: 'Message',
  messagePlaceholder: 'Write a message',
  send: 'Send',
  /** Announced by `<video-room>`'s live region. */
  memberJoined: (name: string) => `${name} joined`,
  memberLeft: (name: string) => `${name} left`,
  memberMuted: (name: string) => `${name} muted their microphone`,
  memberUnmuted: (name: string) => `${name} unmuted their microphone`,
  memberCameraOff: (name: string) => `${name} turned their camera off`,
  memberCameraOn: (name: string) => `${name} turned their camera on`,
  /** A camera or microphone failure shown on the page (`<local-preview>`), by the error's name. */
  mediaError: (name: string) =>
    ({
      NotAllowedError: 'Camera and microphone are blocked. Allow them in the browser to continue.',
      NotFoundError: 'No camera or microphone was found.',
      NotReadableError: 'The camera or microphone is in use by another app.',
      OverconstrainedError: 'No camera or microphone matches the chosen settings.',
    })[name] ?? `The camera or microphone could not start (${name}).`,
};

export type Strings = typeof ENGLISH;

const tables = new Map<string, Partial<Strings>>([
  ['en', ENGLISH],
  ['de', GERMAN],
]);

/** Elements on the page that render strings: told to re-render when a table or a `lang` changes. */
const readers = new Set<{ requestUpdate(): void }>();

/** Adds (or extends) the strings of a language, e.g. `registerStrings('fr', { leave: 'Quitter' })`. */
export function registerStrings(lang: string, strings: Partial<Strings>): void {
  const key = lang.toLowerCase();
  tables.set(key, { ...tables.get(key), ...strings });
  for (const reader of readers) reader.requestUpdate();
}

let langObserver: MutationObserver | undefined;

/**
 * Re-renders `host` while it is connected whenever a `lang` attribute on the page changes (or a
 * table is registered), so that switching the page's language switches the elements' too.
 */
export class LangController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  hostConnected(): void {
    readers.add(this.host);
    if (!langObserver && typeof MutationObserver !== 'undefined') {
      langObserver = new MutationObserver(() => {
        for (const reader of readers) reader.requestUpdate();
      });
      langObserver.observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ['lang'] });
    }
  }

  hostDisconnected(): void {
    readers.delete(this.host);
  }
}

/** The nearest `lang` of `element`, across shadow roots (a tile inside a room's shadow root too). */
function langOf(element: Element): string {
  for (let node: Element | undefined = element; node; node = (node.getRootNode() as ShadowRoot).host) {
    const lang = node.closest('[lang]')?.getAttribute('lang');
    if (lang) return lang;
  }
  return document.documentElement.lang ?? '';
}

/** The strings for `element`'s language (its nearest `lang`, then the document's), English where missing. */
export function stringsFor(element: Element): Strings {
  const lang = langOf(element).toLowerCase();
  const exact = tables.get(lang);
  const base = tables.get(lang.split('-')[0] ?? '');
  return { ...ENGLISH, ...tables.get('en'), ...base, ...exact };
}
