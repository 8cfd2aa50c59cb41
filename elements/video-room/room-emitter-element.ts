/**
 * SignalWire's emitter surface on `<video-room>`, forwarded to the room model: `on`, `once`, `off`
 * and `removeAllListeners` take the documented event names (the element dispatches the same
 * events as DOM events too), and `destroy()`, `getMembers()`, `logLevel`, `localOverlay` and
 * `remoteStream` are the model's.
 */
import type { RoomEventDetails, RoomEventName } from '../../src/events/event-map.js';
import type { LocalOverlay } from '../../src/room/local-overlay.js';
import type { Member } from '../../src/room/types.js';
import type { LogLevel } from '../../src/util/logger.js';
import { RoomSessionElement } from './room-session-element.js';

type Handler<N extends RoomEventName> = (params: RoomEventDetails[N]) => void;

export class RoomEmitterElement extends RoomSessionElement {
  /** Calls `handler` with the payload of each documented event `event` (SignalWire `on`). */
  on<N extends RoomEventName>(event: N, handler: Handler<N>): this {
    this.roomSession.on(event, handler);
    return this;
  }

  /** Like `on`, for the next `event` only (SignalWire `once`). */
  once<N extends RoomEventName>(event: N, handler: Handler<N>): this {
    this.roomSession.once(event, handler);
    return this;
  }

  /** Detaches `handler` (or every handler of `event` when none is given). */
  off<N extends RoomEventName>(event: N, handler?: Handler<N>): this {
    this.roomSession.off(event, handler);
    return this;
  }

  /** Detaches every `on()` handler of `event`, or of every event when none is given. */
  removeAllListeners(event?: RoomEventName): this {
    this.roomSession.removeAllListeners(event);
    return this;
  }

  /**
   * SignalWire `destroy()`: leaves the room and detaches every `on()` handler. The element stays
   * usable (DOM listeners are the page's own; `join()` joins again).
   */
  destroy(): void {
    this.roomSession.removeAllListeners();
    void this.roomSession.leave();
  }

  /** The members in the room now, this client first (SignalWire `getMembers()`). */
  getMembers(): Promise<{ members: Member[] }> {
    return this.roomSession.getMembers();
  }

  /** The library's log level (`trace` to `silent`; default `warn`): it applies to the whole page. */
  get logLevel(): LogLevel {
    return this.roomSession.logLevel;
  }

  set logLevel(level: LogLevel) {
    this.roomSession.logLevel = level;
  }

  /** How the self-view shows (SignalWire `localOverlay`): `setMirror(false)` unmirrors it. */
  get localOverlay(): LocalOverlay {
    return this.roomSession.localOverlay;
  }

  /** Everything received from the others, in one MediaStream (SignalWire `remoteStream`). */
  get remoteStream(): MediaStream | undefined {
    return this.roomSession.remoteStream;
  }
}
