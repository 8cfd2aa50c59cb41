/**
 * SignalWire's emitter surface on the room model: `on`, `once`, `off` and `removeAllListeners`
 * with the documented event names and payloads (the very table the elements dispatch their DOM
 * events from, so both vocabularies are there), `destroy()`, `getMembers()`, and the constructor
 * options read back (`iceServers`, `logLevel`, `remoteStream`).
 */
import { DOM_EVENT_TABLE } from '../events/dom-events.js';
import type { RoomEventDetails, RoomEventName } from '../events/event-map.js';
import { getLogLevel, setLogLevel, type LogLevel } from '../util/logger.js';
import { warnOnce } from '../util/warn.js';
import { DataRoomSession } from './room-session-data.js';
import type { RoomSession } from './room-session.js';
import type { RoomSessionEvents } from './room-session-events.js';
import type { Member, RoomSessionOptions } from './types.js';

type Handler<N extends RoomEventName> = (params: RoomEventDetails[N]) => void;
type AnyHandler = (params: unknown) => void;
type Row = { name: RoomEventName; detail: (event: unknown, room: RoomSession) => unknown };

/** Every documented event name (SignalWire's and Twilio's), from the table. */
const EVENT_NAMES: ReadonlySet<string> = new Set(Object.values(DOM_EVENT_TABLE).flatMap((rows) => (rows as readonly Row[]).map((row) => row.name)));

export abstract class EventedRoomSession extends DataRoomSession {
  private readonly listeners = new Map<string, Set<AnyHandler>>();
  /** `once` wrappers by the handler they wrap, so `off(name, handler)` removes them too. */
  private readonly onceWrappers = new Map<AnyHandler, AnyHandler>();
  private destroyed = false;
  private remote: MediaStream | undefined;

  constructor(options: RoomSessionOptions) {
    super(options);
    if (options.logLevel !== undefined) setLogLevel(options.logLevel);
    if ('rootElement' in options) warnOnce('RoomSession: the "rootElement" option is not honoured (the model draws nothing): put a <video-room> with the same token in the page');
    this.events.on('*', (type, event) => this.dispatch(type, event));
  }

  /** Attaches `handler` to a documented event (`member.joined`, `room.left`, `participantConnected`, ...). */
  on<N extends RoomEventName>(event: N, handler: Handler<N>): this {
    this.handlersOf(event, handler).add(handler as AnyHandler);
    return this;
  }

  /** Like `on`, for the next time only. */
  once<N extends RoomEventName>(event: N, handler: Handler<N>): this {
    const wrapper: AnyHandler = (params) => {
      this.off(event, handler);
      (handler as AnyHandler)(params);
    };
    this.onceWrappers.set(handler as AnyHandler, wrapper);
    this.handlersOf(event, handler).add(wrapper);
    return this;
  }

  /** Detaches `handler` from `event`, or every handler of `event` when none is given. */
  off<N extends RoomEventName>(event: N, handler?: Handler<N>): this {
    const handlers = this.listeners.get(event);
    if (!handlers) return this;
    if (!handler) {
      this.listeners.delete(event);
      return this;
    }
    const wrapper = this.onceWrappers.get(handler as AnyHandler);
    if (wrapper) {
      this.onceWrappers.delete(handler as AnyHandler);
      handlers.delete(wrapper);
    }
    handlers.delete(handler as AnyHandler);
    return this;
  }

  /** Detaches every handler of `event`, or of every event when none is given. */
  removeAllListeners(event?: RoomEventName): this {
    if (event === undefined) this.listeners.clear();
    else this.listeners.delete(event);
    return this;
  }

  /**
   * Destroys this object (SignalWire `destroy()`): leaves the room if joined, and detaches every
   * handler. The room itself lives on for the others. A destroyed session cannot join again.
   */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.state !== 'disconnected') this.leave().catch(() => {});
    this.removeAllListeners();
  }

  abstract leave(): Promise<void>;

  /** The members in the room now, this client first (SignalWire `getMembers()`). */
  getMembers(): Promise<{ members: Member[] }> {
    return Promise.resolve({ members: [...this.snapshot.members] });
  }

  /** The ICE servers the PeerConnections use. */
  get iceServers(): readonly RTCIceServer[] {
    return this.options.iceServers ?? [];
  }

  /** The library's log level (it applies to the page, as one logger serves every room). */
  get logLevel(): LogLevel {
    return getLogLevel();
  }

  set logLevel(level: LogLevel) {
    setLogLevel(level);
  }

  /**
   * Everything received from the others, in one MediaStream kept up to date (SignalWire's
   * `remoteStream`; Janus forwards each member's tracks, there is no mixed picture): undefined
   * until joined.
   */
  get remoteStream(): MediaStream | undefined {
    const snapshot = this.snapshot;
    if (!snapshot.memberId) return undefined;
    this.remote ??= new MediaStream();
    const current = new Set<MediaStreamTrack>();
    for (const participant of snapshot.participants.values()) {
      for (const publication of participant.tracks.values()) if (publication.track) current.add(publication.track.mediaStreamTrack);
    }
    for (const track of this.remote.getTracks()) if (!current.has(track)) this.remote.removeTrack(track);
    for (const track of current) if (!this.remote.getTracks().includes(track)) this.remote.addTrack(track);
    return this.remote;
  }

  /** The statistics of this client's PeerConnections (the publisher's, then the subscriber's). */
  getStats(): Promise<RTCStatsReport[]> {
    return Promise.all((this.membership?.peerConnections ?? []).map((pc) => pc.getStats()));
  }

  protected assertNotDestroyed(what: string): void {
    if (this.destroyed) throw new DOMException(`${what}: this RoomSession was destroyed; create a new one`, 'InvalidStateError');
  }

  private handlersOf(event: string, handler: unknown): Set<AnyHandler> {
    if (!EVENT_NAMES.has(event)) throw new RangeError(`"${event}" is not a room event (see the event table: "room.joined", "member.joined", "participantConnected", ...)`);
    if (typeof handler !== 'function') throw new TypeError(`the handler of "${event}" must be a function`);
    let handlers = this.listeners.get(event);
    if (!handlers) this.listeners.set(event, (handlers = new Set()));
    return handlers;
  }

  /** A model event to the handlers of its documented names, with the documented payload. */
  private dispatch(type: keyof RoomSessionEvents, event: unknown): void {
    if (this.listeners.size === 0) return;
    const rows = DOM_EVENT_TABLE[type as Exclude<keyof RoomSessionEvents, 'state'>] as readonly Row[] | undefined;
    for (const row of rows ?? []) {
      const handlers = this.listeners.get(row.name);
      if (!handlers?.size) continue;
      const params = row.detail(event, this as unknown as RoomSession);
      for (const handler of [...handlers]) {
        try {
          handler(params);
        } catch (error) {
          // A page's handler that throws is the page's error, not the room's: it surfaces as uncaught.
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    }
  }
}
