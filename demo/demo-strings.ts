// The demo page's own words, in the languages the elements ship (the elements translate
// themselves: they follow the page's lang). An app would use its own i18n library here.
const en = {
  notConnected: 'Not connected',
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  docs: 'Docs',
  twilioPage: 'Twilio API page',
  theme: 'Theme',
  system: 'System',
  light: 'Light',
  dark: 'Dark',
  language: 'Language',
  lobbyTitle: 'Ready to join?',
  lobbyHint: 'Check your camera and microphone, then join. Open this page in another tab, or send the link, to see a second member.',
  yourName: 'Your name',
  room: 'Room',
  joinAs: 'Join as',
  moderator: 'Moderator',
  member: 'Member',
  audience: 'Audience (watch only)',
  join: 'Join',
  layout: 'Layout',
  automatic: 'Automatic',
  handsFirst: 'Raised hands first',
  eventLog: 'Event log (the events an app can listen to)',
  notInRoom: 'Not in a room.',
  joining: 'Joining… (the Cancel button below stops it)',
  inRoom: (room: string, name: string, link: string) => `In room "${room}" as ${name}. Open ${link} in another tab to join as someone else.`,
  cancelled: 'Joining cancelled.',
  couldNotJoin: (what: string) => `Could not join: ${what}`,
  left: (reason: string) => (reason ? `Left the room (${reason}).` : 'Left the room.'),
  disconnected: (what: string) => `Disconnected: ${what}`,
  back: 'Back in the room.',
};

const de: typeof en = {
  notConnected: 'Nicht verbunden',
  connecting: 'Verbinde…',
  connected: 'Verbunden',
  reconnecting: 'Verbindung wird wiederhergestellt…',
  docs: 'Doku',
  twilioPage: 'Seite mit der Twilio-API',
  theme: 'Design',
  system: 'System',
  light: 'Hell',
  dark: 'Dunkel',
  language: 'Sprache',
  lobbyTitle: 'Bereit?',
  lobbyHint: 'Prüfen Sie Kamera und Mikrofon, dann treten Sie bei. Öffnen Sie diese Seite in einem zweiten Tab oder senden Sie den Link, um ein zweites Mitglied zu sehen.',
  yourName: 'Ihr Name',
  room: 'Raum',
  joinAs: 'Beitreten als',
  moderator: 'Moderation',
  member: 'Mitglied',
  audience: 'Publikum (nur zuschauen)',
  join: 'Beitreten',
  layout: 'Layout',
  automatic: 'Automatisch',
  handsFirst: 'Gehobene Hände zuerst',
  eventLog: 'Ereignisprotokoll (die Ereignisse, auf die eine App hören kann)',
  notInRoom: 'In keinem Raum.',
  joining: 'Trete bei… (die Schaltfläche unten bricht ab)',
  inRoom: (room, name, link) => `Im Raum „${room}“ als ${name}. Öffnen Sie ${link} in einem anderen Tab, um als jemand anderes beizutreten.`,
  cancelled: 'Beitreten abgebrochen.',
  couldNotJoin: (what) => `Beitreten fehlgeschlagen: ${what}`,
  left: (reason) => (reason ? `Raum verlassen (${reason}).` : 'Raum verlassen.'),
  disconnected: (what) => `Getrennt: ${what}`,
  back: 'Wieder im Raum.',
};

export type DemoStrings = typeof en;
const tables: Record<string, DemoStrings> = { en, de };

/** The demo's words in the page's language (English where it has none). */
export const text = (): DemoStrings => tables[document.documentElement.lang.split('-')[0] ?? 'en'] ?? en;

/** Writes the static labels (elements with `data-text="key"`) in the page's language. */
export function translatePage(): void {
  const strings = text() as Record<string, unknown>;
  for (const element of document.querySelectorAll<HTMLElement>('[data-text]')) {
    const value = strings[element.dataset['text']!];
    if (typeof value === 'string') element.textContent = value;
  }
}
