/**
 * What the room service's monitor knows of a VideoRoom room, kept from Janus's own events:
 * publishers (with their streams) and attendees. Pure: `reduceView` returns a new view. The same
 * raw events are relayed to audience members, who are not in the room on Janus (see service.ts).
 */
export type RawEvent = Record<string, unknown>;

export interface RoomView {
  description: string;
  publishers: ReadonlyMap<string, RawEvent>;
  attendees: ReadonlyMap<string, RawEvent>;
}

export const EMPTY_VIEW: RoomView = { description: '', publishers: new Map(), attendees: new Map() };

const idOf = (value: unknown): string | undefined => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);
const entries = (value: unknown): RawEvent[] => (Array.isArray(value) ? value.filter((e): e is RawEvent => !!e && typeof e === 'object') : []);

function without(map: ReadonlyMap<string, RawEvent>, id: string): Map<string, RawEvent> {
  const next = new Map(map);
  next.delete(id);
  return next;
}

/** The view after one VideoRoom message the monitor received (`ownId`: the monitor's, left out). */
export function reduceView(view: RoomView, event: RawEvent, ownId: string): RoomView {
  const kind = event['videoroom'];
  if (kind === 'joined') {
    const publishers = new Map(entries(event['publishers']).map((p) => [idOf(p['id']) ?? '', p] as const));
    const attendees = new Map(entries(event['attendees']).filter((a) => idOf(a['id']) !== ownId).map((a) => [idOf(a['id']) ?? '', a] as const));
    return { description: typeof event['description'] === 'string' ? event['description'] : '', publishers, attendees };
  }
  if (kind === 'talking' || kind === 'stopped-talking') {
    const id = idOf(event['id']);
    const publisher = id === undefined ? undefined : view.publishers.get(id);
    if (!id || !publisher) return view;
    return { ...view, publishers: new Map(view.publishers).set(id, { ...publisher, talking: kind === 'talking' }) };
  }
  if (kind !== 'event') return view;
  if (Array.isArray(event['publishers'])) {
    const publishers = new Map(view.publishers);
    const attendees = new Map(view.attendees);
    for (const p of entries(event['publishers'])) {
      const id = idOf(p['id']);
      if (id === undefined || id === ownId) continue;
      publishers.set(id, keepModeration(p, publishers.get(id)));
      attendees.delete(id);
    }
    return { ...view, publishers, attendees };
  }
  const joining = event['joining'];
  if (joining && typeof joining === 'object') {
    const id = idOf((joining as RawEvent)['id']);
    if (id === undefined || id === ownId) return view;
    return { ...view, attendees: new Map(view.attendees).set(id, joining as RawEvent) };
  }
  const unpublished = idOf(event['unpublished']);
  if (unpublished !== undefined && unpublished !== 'ok') {
    const publisher = view.publishers.get(unpublished);
    if (!publisher) return view;
    return {
      ...view,
      publishers: without(view.publishers, unpublished),
      attendees: new Map(view.attendees).set(unpublished, { id: publisher['id'], display: publisher['display'] }),
    };
  }
  const gone = idOf(event['leaving']) ?? idOf(event['kicked']);
  if (gone !== undefined && gone !== 'ok') {
    return { ...view, publishers: without(view.publishers, gone), attendees: without(view.attendees, gone) };
  }
  const moderation = event['moderation'];
  const id = idOf(event['id']);
  if ((moderation === 'muted' || moderation === 'unmuted') && id !== undefined) {
    const publisher = view.publishers.get(id);
    if (!publisher) return view;
    const streams = entries(publisher['streams']).map((s) => (s['mid'] === event['mid'] ? { ...s, moderated: moderation === 'muted' } : s));
    return { ...view, publishers: new Map(view.publishers).set(id, { ...publisher, streams }) };
  }
  return view;
}

/** Janus 1.1.2 re-announces a stream's moderation for video only: what it does not say is kept, by mid. */
function keepModeration(publisher: RawEvent, before: RawEvent | undefined): RawEvent {
  const moderated = new Set(entries(before?.['streams']).filter((s) => s['moderated'] === true).map((s) => s['mid']));
  if (moderated.size === 0) return publisher;
  return { ...publisher, streams: entries(publisher['streams']).map((s) => (moderated.has(s['mid']) && s['moderated'] === undefined ? { ...s, moderated: true } : s)) };
}

/** One view of a room held on several servers (cascaded): its publishers and attendees on any of them. */
export function mergeViews(views: Iterable<RoomView>): RoomView {
  const all = [...views];
  if (all.length === 1) return all[0]!;
  return {
    description: all.find((v) => v.description)?.description ?? '',
    publishers: new Map(all.flatMap((v) => [...v.publishers])),
    attendees: new Map(all.flatMap((v) => [...v.attendees]).filter(([id]) => !all.some((v) => v.publishers.has(id)))),
  };
}

/** The view as the answer to a join, for a member who joins through the service (audience). */
export function viewAsJoined(view: RoomView, room: string): RawEvent {
  return {
    videoroom: 'joined',
    room,
    description: view.description,
    private_id: 0,
    publishers: [...view.publishers.values()],
    attendees: [...view.attendees.values()],
  };
}

/** The mids of a member's streams of one type (what `moderate` needs); `unmoderated`: only those not stopped yet. */
export function midsOf(view: RoomView, memberId: string, type: 'audio' | 'video', unmoderated = false): string[] {
  const publisher = view.publishers.get(memberId);
  return entries(publisher?.['streams'])
    .filter((s) => s['type'] === type && typeof s['mid'] === 'string' && s['disabled'] !== true && !(unmoderated && s['moderated'] === true))
    .map((s) => s['mid'] as string);
}

/** Ids in the room that belong to a member: its own and its extra sources' (`<id>.<type>.<suffix>`). */
export function idsOf(view: RoomView, memberId: string): string[] {
  return [...new Set([...view.publishers.keys(), ...view.attendees.keys()])].filter((id) => id === memberId || id.startsWith(`${memberId}.`));
}
