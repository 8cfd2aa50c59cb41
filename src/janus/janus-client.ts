/**
 * A typed, promise-based facade over janus.js: sessions, plugin handles, requests with timeouts,
 * and events. This is the only module that imports `janus-gateway` (and the `webrtc-adapter` it
 * needs); everything above it speaks promises and typed events.
 */
import Janus, { type JanusJS } from 'janus-gateway';
import adapter from 'webrtc-adapter';
import mitt, { type Emitter } from 'mitt';
import { JanusFailure, failureFromString, withTimeout } from './failure.js';
import { PluginHandle } from './plugin-handle.js';
import { GatedSocket, recordSockets } from './socket.js';

export { JanusFailure, withTimeout, type JanusFailureKind } from './failure.js';
export { PluginHandle, forgetTracks, type HandleEvents, type RemoteTrackReason, type SendOptions } from './plugin-handle.js';

/** Plugin data of a Janus message (`plugindata.data`), e.g. `{ videoroom: 'joined', ... }`. */
export type JanusMessage = Record<string, unknown>;

export type Jsep = JanusJS.JSEP & { type: RTCSdpType; sdp: string };

let initialised: Promise<void> | undefined;

/** janus.js's registry of sessions, which it fills and never empties. */
const registry = () => (Janus as unknown as { sessions?: Map<unknown, unknown> }).sessions;

/** Initialises janus.js once, handing it the adapter instead of a global (JANUS.md pitfall 1). */
function initJanus(): Promise<void> {
  initialised ??= new Promise((resolve) => {
    Janus.init({
      debug: false,
      dependencies: Janus.useDefaultDependencies({
        adapter,
        // janus.d.ts calls this a function; janus.js constructs it with `new`.
        WebSocket: GatedSocket as unknown as JanusJS.Dependencies['WebSocket'],
      }),
      callback: () => resolve(),
    });
  });
  return initialised;
}

export interface SessionOptions {
  server: string;
  iceServers: RTCIceServer[];
  /** `relay` uses TURN only (Twilio's `iceTransportPolicy`); default `all`. */
  iceTransportPolicy?: RTCIceTransportPolicy;
  /** Milliseconds allowed for connecting and for each request. */
  timeout: number;
  /** Gives up connecting (and closes the half-open connection) when aborted. */
  signal?: AbortSignal;
  /** Janus token authentication: every request carries `token` as it is when sent. */
  credentials?: { token: string };
}

export type SessionEvents = {
  /** The connection to Janus was lost after the session was created. */
  disconnected: { reason: string };
};

const isOpen = (socket: WebSocket | undefined) => socket?.readyState === WebSocket.OPEN;

export class JanusSession {
  readonly events: Emitter<SessionEvents> = mitt<SessionEvents>();
  private readonly timeout: number;
  private readonly janus: JanusJS.Janus;
  /** Every socket janus.js opened for this session; the last one is in use. */
  private readonly sockets: GatedSocket[];
  private readonly id: unknown;
  private readonly credentials: { token: string } | undefined;
  private closed = false;
  private lostValue = false;

  private constructor(janus: JanusJS.Janus, timeout: number, sockets: GatedSocket[], credentials?: { token: string }) {
    this.janus = janus;
    this.credentials = credentials;
    this.timeout = timeout;
    this.sockets = sockets;
    this.id = janus.getSessionId();
  }

  /** Opens a session; rejects with a `connect` or `timeout` failure, never hangs. */
  static async connect(options: SessionOptions): Promise<JanusSession> {
    await initJanus();
    let session: JanusSession | undefined;
    let janus: JanusJS.Janus | undefined;
    const sockets: GatedSocket[] = [];
    let onClose = () => {};
    const connected = new Promise<void>((resolve, reject) => {
      janus = recordSockets(sockets, () =>
        new Janus({
          server: options.server,
          // janus.js would default to a public STUN server: always pass the configured list.
          iceServers: options.iceServers,
          ...(options.iceTransportPolicy ? { iceTransportPolicy: options.iceTransportPolicy } : {}),
          // The room model leaves on pagehide itself, in order.
          destroyOnUnload: false,
          ...(options.credentials ? { token: options.credentials.token } : {}),
          success: () => resolve(),
          error: (reason: unknown) => {
            if (session) session.onLost(String(reason));
            else reject(failureFromString('connect', reason));
          },
        }),
        options.credentials,
      );
      // janus.js ignores a socket that closes before the session exists: Janus went away meanwhile.
      onClose = () => reject(new JanusFailure('connect', 'network error: the connection closed before Janus created the session'));
      sockets[0]?.addEventListener('close', onClose);
    });
    const { signal } = options;
    let onAbort = () => {};
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(signal!.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    try {
      if (signal?.aborted) throw signal.reason;
      await withTimeout(Promise.race([connected, aborted]), options.timeout, () =>
        // A socket that opened reached some WebSocket server: one that never answers as Janus does.
        sockets.some(isOpen)
          ? new JanusFailure('connect', `not Janus: the WebSocket opened, but nothing answered within ${options.timeout} ms`)
          : new JanusFailure('timeout', `no answer within ${options.timeout} ms`),
      );
    } catch (error) {
      // Release a half-open attempt: janus.js ignores destroy() before a session exists.
      for (const socket of sockets) socket.close();
      throw error;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      sockets[0]?.removeEventListener('close', onClose);
    }
    session = new JanusSession(janus!, options.timeout, sockets, options.credentials);
    return session;
  }

  /** The connection to Janus was lost (and not reclaimed since). */
  get lost(): boolean {
    return this.lostValue;
  }

  attach(plugin: string): Promise<PluginHandle> {
    const handle = new PluginHandle(this.timeout, {
      lastSent: () => this.sockets.at(-1)?.lastSent,
      handling: () => this.sockets.at(-1)?.handling,
    });
    const attached = new Promise<PluginHandle>((resolve, reject) => {
      this.janus.attach({
        plugin,
        ...handle.callbacks(),
        success: (raw: JanusJS.PluginHandle) => resolve(handle.bind(raw)),
        error: (error: string) => reject(failureFromString('core', error)),
      });
    });
    return withTimeout(attached, this.timeout, () =>
      new JanusFailure('timeout', `attaching ${plugin} timed out after ${this.timeout} ms`),
    );
  }

  /**
   * Claims the session again over a new connection (Janus `claim`): its handles and their
   * PeerConnections carry on. Rejects with a `core` 458 failure when Janus no longer has the
   * session (it restarted, or the reclaim window passed), a `connect` failure when Janus cannot
   * be reached, or a `timeout`. A stalled connection is closed first.
   */
  async reclaim(timeout = this.timeout): Promise<void> {
    for (const socket of this.sockets) socket.abandon();
    const claimed = new Promise<void>((resolve, reject) => {
      recordSockets(this.sockets, () =>
        this.janus.reconnect({
          success: () => resolve(),
          error: (reason: unknown) => {
            const text = String(reason);
            reject(/no such session/i.test(text) ? new JanusFailure('core', text, 458) : failureFromString('connect', text));
          },
        }),
        this.credentials,
      );
    });
    await withTimeout(claimed, timeout, () => new JanusFailure('timeout', `claiming the session timed out after ${timeout} ms`));
    this.lostValue = false;
  }

  /**
   * Destroys the session (Janus detaches its handles and closes their PeerConnections).
   * Never rejects and never waits longer than the timeout. `unload` (the page is going, or the
   * connection is gone) does not wait: the destroy request goes out, if it can, and the socket
   * closes at once.
   */
  async destroy(options: { unload?: boolean } = {}): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    registry()?.delete(this.id);
    const unload = options.unload === true || !this.janus.isConnected();
    if (unload) this.sendDestroy();
    const done = new Promise<void>((resolve) => {
      this.janus.destroy({ cleanupHandles: true, notifyDestroyed: false, unload, success: () => resolve(), error: () => resolve() });
    });
    await withTimeout(done, this.timeout, () => new JanusFailure('timeout', 'destroy timed out')).catch(() => {
      // The server did not answer the destroy request janus.js sent: the local side goes anyway.
      this.janus.destroy({ unload: true, notifyDestroyed: false });
    });
    // janus.js leaves a socket open when it already counted the connection lost.
    for (const socket of this.sockets) if (socket.readyState <= WebSocket.OPEN) socket.close();
  }

  /**
   * janus.js closes the socket on unload without telling Janus, which then keeps the session
   * (and its member in the room) for the reclaim window: tell it first.
   */
  private sendDestroy(): void {
    const socket = this.sockets.at(-1);
    if (this.id === null || this.id === undefined || !isOpen(socket)) return;
    socket!.send(JSON.stringify({ janus: 'destroy', session_id: this.id, transaction: `d${Date.now()}` }));
  }

  private onLost(reason: string): void {
    // Only the socket in use counts: an older one closing late (after a reclaim) does not.
    if (this.closed || isOpen(this.sockets.at(-1))) return;
    this.lostValue = true;
    this.events.emit('disconnected', { reason });
  }
}

/** Whether this page can do WebRTC at all (safe to call anywhere). */
export function isWebRTCSupported(): boolean {
  return typeof window !== 'undefined' && typeof window.RTCPeerConnection === 'function';
}
