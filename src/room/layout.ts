/**
 * Where members go on screen: SignalWire's layouts and positions, computed on this client (Janus
 * forwards streams; it composes no canvas). Pure functions of the members, the positions given
 * with `setLayout` / `setPositions` / `setMemberPosition`, the dominant speaker and the canvas
 * size; `<video-room>` renders the result and `layout.changed` carries it.
 */
import { LAYOUT_NAMES, slotsOf, type LayoutName, type Size, type Slot, type SlotPosition } from './layout-geometry.js';
import type { Member } from './types.js';

export { DEFAULT_SIZE, LAYOUT_NAMES, type LayoutName, type Size } from './layout-geometry.js';

/** SignalWire `VideoPosition`: `auto`, the n-th reserved or standard slot, or hidden (`off-canvas`). */
export type VideoPosition = 'auto' | 'off-canvas' | SlotPosition;

/** SignalWire `VideoPositions`: member id (or `self`) -> position. */
export type VideoPositions = Record<string, VideoPosition>;

/** What a layout is asked to be: `auto` is the grid, or the share layout while a screen is shared. */
export type LayoutChoice = LayoutName | 'auto';

/** SignalWire `VideoLayoutLayer`. `x`, `y`, `width` and `height` are percent of the canvas's width and height. */
export interface VideoLayoutLayer {
  readonly layer_index: number;
  readonly z_index: number;
  /** The member in this slot; absent for an empty slot. */
  readonly member_id?: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The slot: `reserved-n` (large) or `standard-n`. */
  readonly position: SlotPosition;
  /** The reservation of a reserved slot (`reserved-1`), else empty. */
  readonly reservation: string;
  /** Whether a member shows here. */
  readonly visible: boolean;
  readonly playing_file: boolean;
}

/** What `layout.changed` carries (SignalWire `e.layout`). */
export interface VideoLayout {
  readonly name: LayoutName;
  readonly room_session_id: string;
  readonly room_id: string;
  readonly layers: readonly VideoLayoutLayer[];
}

/** The layout wishes of this client. */
export interface LayoutSettings {
  readonly name: LayoutChoice;
  /** Explicit positions, in the order they were given (the latest wins a contested slot). */
  readonly positions: ReadonlyMap<string, VideoPosition>;
  readonly hideVideoMuted: boolean;
  /** The grid's page asked for, from 0 (kept within the pages there are). */
  readonly page: number;
  readonly size: Size;
}

export interface ComputedLayout {
  readonly name: LayoutName;
  readonly layers: readonly VideoLayoutLayer[];
  /** The grid's page shown, from 0, and how many there are (1 but for `grid-responsive`). */
  readonly page: number;
  readonly pages: number;
}

/** Tiles per page of the `grid-responsive` layout. */
export const PAGE_SIZE = 25;

const POSITION = /^(?:auto|off-canvas|(?:reserved|standard)-[1-9]\d{0,3})$/;

/** The share to show large: the latest of another member, else this client's own (the sharer wants to see the others). */
export function featuredShare(members: readonly Member[]): Member | undefined {
  const latestFirst = members.filter((member) => member.type === 'screen').reverse();
  return latestFirst.find((member) => !member.local) ?? latestFirst[0];
}

export function checkLayoutName(name: unknown): LayoutChoice {
  if (name === 'auto' || LAYOUT_NAMES.includes(name as LayoutName)) return name as LayoutChoice;
  throw new RangeError(`unknown layout ${JSON.stringify(name)}: use one of ${LAYOUT_NAMES.join(', ')} (or auto)`);
}

export function checkPosition(position: unknown): VideoPosition {
  if (typeof position === 'string' && POSITION.test(position)) return position as VideoPosition;
  throw new RangeError(`unknown position ${JSON.stringify(position)}: use auto, off-canvas, reserved-<n> or standard-<n>`);
}

/** Checks SignalWire `VideoPositions`; `self` stands for `selfId`. */
export function checkPositions(positions: unknown, selfId: string | null): Map<string, VideoPosition> {
  if (typeof positions !== 'object' || positions === null || Array.isArray(positions)) {
    throw new RangeError('positions must be an object of member id -> position, such as { self: "reserved-1" }');
  }
  const checked = new Map<string, VideoPosition>();
  for (const [id, position] of Object.entries(positions)) {
    const memberId = id === 'self' ? selfId : id;
    if (memberId === null) throw new RangeError('"self" names a position of this member: join first');
    checked.set(memberId, checkPosition(position));
  }
  return checked;
}

/** Positions with `changes` applied: a changed member moves to the end (the latest wish), `auto` drops out. */
export function withPositions(positions: ReadonlyMap<string, VideoPosition>, changes: ReadonlyMap<string, VideoPosition>): Map<string, VideoPosition> {
  const next = new Map(positions);
  for (const [id, position] of changes) {
    next.delete(id);
    if (position !== 'auto') next.set(id, position);
  }
  return next;
}

/** The layout in effect for a choice: `auto` is the grid, or the share layout while a screen is shared. */
export function effectiveLayout(choice: LayoutChoice, members: readonly Member[]): LayoutName {
  if (choice !== 'auto') return choice;
  return featuredShare(members) ? 'screen-share' : 'grid-responsive';
}

/**
 * Who takes the large slot when nobody was put there: the share (share layout), the dominant
 * speaker, another person, anyone.
 */
function featuredCandidate(name: LayoutName, members: readonly Member[], dominantSpeaker: string | null): Member | undefined {
  const share = name === 'screen-share' ? featuredShare(members) : undefined;
  return (
    share ??
    members.find((member) => member.id === dominantSpeaker) ??
    members.find((member) => !member.local && member.type === 'member') ??
    members[0]
  );
}

/** The grid's members in order: standard-n placements at their place, the others around them. */
function gridOrder(members: readonly Member[], explicit: ReadonlyMap<SlotPosition, string>): string[] {
  const placed = [...explicit]
    .filter(([position]) => position.startsWith('standard-'))
    .map(([position, id]) => [Number(position.slice('standard-'.length)) - 1, id] as const)
    .sort((a, b) => a[0] - b[0]);
  const placedIds = new Set(placed.map(([, id]) => id));
  const order = members.map((member) => member.id).filter((id) => !placedIds.has(id));
  for (const [index, id] of placed) order.splice(Math.min(index, order.length), 0, id);
  return order;
}

function layer(index: number, slot: Slot, memberId: string | undefined): VideoLayoutLayer {
  return {
    layer_index: index,
    z_index: 0,
    ...(memberId === undefined ? {} : { member_id: memberId }),
    x: slot.x,
    y: slot.y,
    width: slot.width,
    height: slot.height,
    position: slot.position,
    reservation: slot.position.startsWith('reserved-') ? slot.position : '',
    visible: memberId !== undefined,
    playing_file: false,
  };
}

/**
 * The layout of `members` (in join order) as `settings` ask. A member `off-canvas`, or whose
 * camera is off while `hideVideoMuted` is on, gets no slot; explicit slots go to the latest wish;
 * the large slot (when nobody was put there) to the share, the dominant speaker or another person;
 * the rest fill the standard slots in order. What does not fit shows nowhere, but in
 * `grid-responsive`, which pages by `PAGE_SIZE`.
 */
export function computeLayout(
  settings: LayoutSettings,
  members: readonly Member[],
  dominantSpeaker: string | null,
  pageSize = PAGE_SIZE,
): ComputedLayout {
  const name = effectiveLayout(settings.name, members);
  const shown = members.filter((member) => settings.positions.get(member.id) !== 'off-canvas' && !(settings.hideVideoMuted && member.video_muted));
  const shownIds = new Set(shown.map((member) => member.id));
  const explicit = new Map<SlotPosition, string>();
  for (const [id, position] of [...settings.positions].reverse()) {
    if (position === 'auto' || position === 'off-canvas' || !shownIds.has(id) || explicit.has(position)) continue;
    if (![...explicit.values()].includes(id)) explicit.set(position, id);
  }

  if (name === 'grid-responsive') {
    const order = gridOrder(shown, explicit);
    const pages = Math.max(1, Math.ceil(order.length / pageSize));
    const page = Math.min(Math.max(0, Math.trunc(settings.page)), pages - 1);
    const onPage = order.slice(page * pageSize, (page + 1) * pageSize);
    const layers = slotsOf(name, onPage.length, settings.size).map((slot, i) => layer(i, slot, onPage[i]));
    return { name, layers, page, pages };
  }

  const slots = slotsOf(name, shown.length, settings.size);
  const occupant = new Map<SlotPosition, string>();
  for (const slot of slots) {
    const id = explicit.get(slot.position);
    if (id !== undefined) occupant.set(slot.position, id);
  }
  const placed = () => new Set(occupant.values());
  for (const slot of slots) {
    if (!slot.position.startsWith('reserved-') || occupant.has(slot.position)) continue;
    const taken = placed();
    const candidate = featuredCandidate(name, shown.filter((member) => !taken.has(member.id)), dominantSpeaker);
    if (candidate) occupant.set(slot.position, candidate.id);
  }
  const waiting = shown.filter((member) => !placed().has(member.id));
  for (const slot of slots) {
    if (occupant.has(slot.position)) continue;
    const next = waiting.shift();
    if (next) occupant.set(slot.position, next.id);
  }
  return { name, layers: slots.map((slot, i) => layer(i, slot, occupant.get(slot.position))), page: 0, pages: 1 };
}

export function sameLayers(a: readonly VideoLayoutLayer[], b: readonly VideoLayoutLayer[]): boolean {
  return (
    a.length === b.length &&
    a.every((layer, i) => {
      const other = b[i]!;
      return (Object.keys(layer) as (keyof VideoLayoutLayer)[]).every((key) => layer[key] === other[key]) && layer.member_id === other.member_id;
    })
  );
}
