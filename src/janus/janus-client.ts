/**
 * A typed, promise-based facade over janus.js: sessions, plugin handles, requests with timeouts,
 * and events. This is the only module that imports `janus-gateway` (and the `webrtc-adapter` it
 * needs); everything above it speaks promises and typed events.
 */
import Janus, { type JanusJS } from 'janus-gateway';
import adapter from 'webrtc-adapter';
import mitt, { type Emitter } from 'mitt';

/** Plugin data of a Janus message (`plugindata.data`), e.g. `{ videoroom: 'joined', ... }`. */
export type JanusMessage = Record<string, unknown>;

export type Jsep = JanusJS.JSEP & { type: RTCSdpType; sdp: string };

/** Where a Janus failure came from; `src/janus/errors.ts` turns these into documented errors. */
export type JanusFailureKind = 'connect' | 'transport' | 'timeout' | 'core' | 'plugin' | 'webrtc' | 'media';

export class JanusFailure extends Error {
  readonly kind: JanusFailureKind;
  /** Janus error code (core 4xx or plugin 4xx), when Janus gave one. */
  readonly janusCode?: number;

  constructor(kind: JanusFailureKind, message: string, janusCode?: number, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'JanusFailure';
    this.kind = kind;
    if (janusCode !== undefined) this.janusCode = janusCode;
  }
}

let initialised: Promise<void> | undefined;
/** Where the WebSocket janus.js opens inside `new Janus()` is recorded (it opens it synchronously). */
let openedSockets: WebSocket[] | undefined;

/** Initialises janus.js once, handing it the adapter instead of a global (JANUS.md pitfall 1). */
function initJanus(): Promise<void> {
  initialised ??= new Promise((resolve) => {
    // janus.js keeps its socket to itself and cannot close one whose session never opened.
    class RecordedWebSocket extends WebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        openedSockets?.push(this);
      }
    }
    Janus.init({
      debug: false,
      dependencies: Janus.useDefaultDependencies({
        adapter,
        // janus.d.ts calls this a function; janus.js constructs it with `new`.
        WebSocket: RecordedWebSocket as unknown as JanusJS.Dependencies['WebSocket'],
      }),
      callback: () => resolve(),
    });
  });
  return initialised;
}

/** Rejects with `onTimeout()` unless `promise` settles within `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// janus.js reports errors as strings; core and attach errors start with "<code> <reason>".
function failureFromString(kind: JanusFailureKind, text: unknown): JanusFailure {
  const message = typeof text === 'string' ? text : String((text as Error)?.message ?? text);
  const match = /^(?:Ooops: )?(\d{3}) (.*)$/s.exec(message);
  return match
    ? new JanusFailure('core', match[2] ?? message, Number(match[1]))
    : new JanusFailure(kind, message);
}

export interface SessionOptions {
  server: string;
  iceServers: RTCIceServer[];
  /** Milliseconds allowed for connecting and for each request. */
  timeout: number;
  /** Gives up connecting (and closes the half-open connection) when aborted. */
  signal?: AbortSignal;
}

export type SessionEvents = {
  /** The connection to Janus was lost after the session was created. */
  disconnected: { reason: string };
};

export class JanusSession {
  readonly events: Emitter<SessionEvents> = mitt<SessionEvents>();
  private readonly timeout: number;
  private readonly janus: JanusJS.Janus;
  private closed = false;

  private constructor(janus: JanusJS.Janus, timeout: number) {
    this.janus = janus;
    this.timeout = timeout;
  }

  /** Opens a session; rejects with a `connect` or `timeout` failure, never hangs. */
  static async connect(options: SessionOptions): Promise<JanusSession> {
    await initJanus();
    let session: JanusSession | undefined;
    let janus: JanusJS.Janus | undefined;
    const sockets: WebSocket[] = [];
    const connected = new Promise<void>((resolve, reject) => {
      openedSockets = sockets;
      janus = new Janus({
        server: options.server,
        // janus.js would default to a public STUN server: always pass the configured list.
        iceServers: options.iceServers,
        // The room model leaves on pagehide itself, in order.
        destroyOnUnload: false,
        success: () => resolve(),
        error: (reason: unknown) => {
          if (session) session.lost(String(reason));
          else reject(failureFromString('connect', reason));
        },
      });
      openedSockets = undefined;
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
        sockets.some((socket) => socket.readyState === WebSocket.OPEN)
          ? new JanusFailure('connect', `not Janus: the WebSocket opened, but nothing answered within ${options.timeout} ms`)
          : new JanusFailure('timeout', `no answer within ${options.timeout} ms`),
      );
    } catch (error) {
      // Release a half-open attempt: janus.js ignores destroy() before a session exists.
      for (const socket of sockets) socket.close();
      throw error;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
    session = new JanusSession(janus!, options.timeout);
    return session;
  }

  attach(plugin: string): Promise<PluginHandle> {
    const handle = new PluginHandle(this.timeout);
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
   * Destroys the session (Janus detaches its handles and closes their PeerConnections).
   * Never rejects and never waits longer than the timeout. `unload` closes the socket at once.
   */
  async destroy(options: { unload?: boolean } = {}): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const done = new Promise<void>((resolve) => {
      this.janus.destroy({
        cleanupHandles: true,
        notifyDestroyed: false,
        unload: options.unload === true || !this.janus.isConnected(),
        success: () => resolve(),
        error: () => resolve(),
      });
    });
    await withTimeout(done, this.timeout, () => new JanusFailure('timeout', 'destroy timed out')).catch(() => {
      // The server did not answer; the local side is released anyway.
      this.janus.destroy({ unload: true, notifyDestroyed: false });
    });
  }

  private lost(reason: string): void {
    if (this.closed) return;
    this.events.emit('disconnected', { reason });
  }
}

export type RemoteTrackReason = 'created' | 'ended' | 'mute' | 'unmute';

export type HandleEvents = {
  /** Every plugin event, solicited or not. */
  message: { message: JanusMessage; jsep?: Jsep };
  remoteTrack: { track: MediaStreamTrack; mid: string; on: boolean; reason: RemoteTrackReason };
  /** The PeerConnection's `connectionState`. */
  connectionState: RTCPeerConnectionState;
  /** Janus's view of the PeerConnection: `webrtcup`, or `hangup` with a reason. */
  webrtcState: { up: boolean; reason?: string };
  /** Janus saw packets lost on this PeerConnection (`uplink`: what we send it). */
  slowLink: { uplink: boolean; lost: number };
};

export interface SendOptions {
  jsep?: Jsep;
  /** Which event answers this request; an event with `error_code` always does. */
  until: (message: JanusMessage, jsep?: Jsep) => boolean;
}

export class PluginHandle {
  readonly events: Emitter<HandleEvents> = mitt<HandleEvents>();
  private raw: JanusJS.PluginHandle | undefined;
  private readonly timeout: number;

  constructor(timeout: number) {
    this.timeout = timeout;
  }

  get id(): string {
    return String(this.raw?.getId() ?? '');
  }

  get peerConnection(): RTCPeerConnection | null {
    return this.raw?.webrtcStuff?.pc ?? null;
  }

  /** @internal janus.js callbacks that forward into `events`. */
  callbacks(): Partial<JanusJS.PluginCallbacks> & Record<string, unknown> {
    return {
      onmessage: (message: JanusJS.Message, jsep?: JanusJS.JSEP) => {
        this.events.emit('message', { message, ...(jsep ? { jsep: jsep as Jsep } : {}) });
      },
      onremotetrack: (track: MediaStreamTrack, mid: string, on: boolean, meta?: JanusJS.RemoteTrackMetadata) => {
        this.events.emit('remoteTrack', { track, mid, on, reason: meta?.reason ?? (on ? 'created' : 'ended') });
      },
      connectionState: (state: RTCPeerConnectionState) => this.events.emit('connectionState', state),
      webrtcState: (up: boolean, reason?: string) =>
        this.events.emit('webrtcState', reason === undefined ? { up } : { up, reason }),
      slowLink: (uplink: boolean, lost: number) => this.events.emit('slowLink', { uplink: uplink === true, lost: Number(lost) || 0 }),
    };
  }

  /** @internal */
  bind(raw: JanusJS.PluginHandle): this {
    this.raw = raw;
    return this;
  }

  /** A synchronous plugin request (`create`, `exists`, ...): resolves with its plugin data. */
  request<T extends JanusMessage = JanusMessage>(body: JanusMessage): Promise<T> {
    const answered = new Promise<T>((resolve, reject) => {
      this.handle.send({
        message: body as JanusJS.PluginMessage['message'],
        success: (data?: JanusMessage) => {
          // Plugin errors to synchronous requests arrive inside a "success".
          if (data && typeof data['error_code'] === 'number') {
            reject(pluginFailure(data));
          } else {
            resolve((data ?? {}) as T);
          }
        },
        error: (error: string) => reject(failureFromString('transport', error)),
      });
    });
    return this.bounded(answered, `${String(body['request'])} request`);
  }

  /**
   * An asynchronous plugin request (`join`, `publish`, `start`, ...): sends it and resolves with
   * the first event that `until` accepts, or rejects with the first error event.
   */
  send(body: JanusMessage, options: SendOptions): Promise<{ message: JanusMessage; jsep?: Jsep }> {
    let onMessage: (event: HandleEvents['message']) => void = () => {};
    const answered = new Promise<{ message: JanusMessage; jsep?: Jsep }>((resolve, reject) => {
      onMessage = (event) => {
        const { message, jsep } = event;
        if (typeof message['error_code'] === 'number') {
          reject(pluginFailure(message));
        } else if (options.until(message, jsep)) {
          resolve(event);
        }
      };
      this.events.on('message', onMessage);
      this.handle.send({
        message: body as JanusJS.PluginMessage['message'],
        ...(options.jsep ? { jsep: options.jsep } : {}),
        error: (error: string) => reject(failureFromString('transport', error)),
      });
    });
    return this.bounded(answered, `${String(body['request'])} request`).finally(() =>
      this.events.off('message', onMessage),
    );
  }

  createOffer(tracks: JanusJS.TrackOption[]): Promise<Jsep> {
    return this.webrtc('creating an offer', (success, error) => this.handle.createOffer({ tracks, success, error }));
  }

  createAnswer(jsep: Jsep, tracks: JanusJS.TrackOption[]): Promise<Jsep> {
    return this.webrtc('creating an answer', (success, error) =>
      this.handle.createAnswer({ jsep, tracks, success, error }),
    );
  }

  async handleRemoteJsep(jsep: Jsep): Promise<void> {
    await this.webrtc('applying the answer', (success, error) => this.handle.handleRemoteJsep({ jsep, success, error }));
  }

  /**
   * Detaches from the plugin: the PeerConnection closes and Janus drops the handle (a VideoRoom
   * participant leaves the room). Never rejects and never waits longer than the timeout.
   * `unreachable`: the connection is gone, so only the local side is closed.
   */
  async detach(options: { unreachable?: boolean } = {}): Promise<void> {
    const raw = this.raw;
    if (!raw) return;
    this.raw = undefined;
    const done = new Promise<void>((resolve) =>
      raw.detach({ noRequest: options.unreachable === true, success: () => resolve(), error: () => resolve() }),
    );
    await this.bounded(done, 'detaching').catch(() => {
      // Janus did not answer: the local side is closed anyway, and the session's end detaches it.
    });
  }

  /** One of janus.js's callback-style WebRTC calls, as a bounded promise. */
  private webrtc(what: string, call: (success: (jsep: JanusJS.JSEP) => void, error: (e: unknown) => void) => void): Promise<Jsep> {
    const done = new Promise<Jsep>((resolve, reject) =>
      call(
        (jsep) => resolve(jsep as Jsep),
        (error) => {
          const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
          reject(new JanusFailure('webrtc', text, undefined, error));
        },
      ),
    );
    return this.bounded(done, what);
  }

  private get handle(): JanusJS.PluginHandle {
    if (!this.raw) throw new JanusFailure('transport', 'the plugin handle is not attached yet');
    return this.raw;
  }

  private bounded<T>(promise: Promise<T>, what: string): Promise<T> {
    return withTimeout(promise, this.timeout, () =>
      new JanusFailure('timeout', `${what} timed out after ${this.timeout} ms`),
    );
  }
}

/** A plugin's error answer (`error_code`, `error`) as a failure. */
function pluginFailure(data: JanusMessage): JanusFailure {
  return new JanusFailure('plugin', String(data['error'] ?? 'plugin error'), data['error_code'] as number);
}

/** Whether this page can do WebRTC at all (safe to call anywhere). */
export function isWebRTCSupported(): boolean {
  return typeof window !== 'undefined' && typeof window.RTCPeerConnection === 'function';
}
