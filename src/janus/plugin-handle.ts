/**
 * A plugin handle of a Janus session as promises and typed events: requests bounded by a timeout,
 * answers told apart from unsolicited events by their transaction (over WebSocket), and janus.js's
 * WebRTC calls.
 */
import type { JanusJS } from 'janus-gateway';
import type { Emitter } from 'mitt';
import mitt from 'mitt';
import { JanusFailure, failureFromString, withTimeout } from './failure.js';
import type { JanusMessage, Jsep } from './janus-client.js';

/** What the session's transport knows of transactions (nothing over HTTP). */
export interface Transactions {
  /** The transaction of the request just sent. */
  lastSent(): string | undefined;
  /** The transaction of the message being delivered now. */
  handling(): string | undefined;
}

export type RemoteTrackReason = 'created' | 'ended' | 'mute' | 'unmute';

export type HandleEvents = {
  /** Every plugin event, solicited or not (`transaction`: the request it answers, when known). */
  message: { message: JanusMessage; jsep?: Jsep; transaction?: string };
  remoteTrack: { track: MediaStreamTrack; mid: string; on: boolean; reason: RemoteTrackReason };
  /** The PeerConnection's `connectionState`. */
  connectionState: RTCPeerConnectionState;
  /** Janus's view of the PeerConnection: `webrtcup`, or `hangup` with a reason. */
  webrtcState: { up: boolean; reason?: string };
  /** Janus saw packets lost on this PeerConnection (`uplink`: what we send it). */
  slowLink: { uplink: boolean; lost: number };
  /** Janus receives media of a kind on a mid again, or has received none for a while (its `no_media_timer`). */
  media: { kind: 'audio' | 'video'; receiving: boolean; mid: string };
  /** The PeerConnection's data channel opened (`label`). */
  dataOpen: { label: string };
  /** A data channel message: text or binary, with its channel's label (VideoRoom: the sender's id). */
  data: { data: string | ArrayBuffer; label: string };
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
  private readonly transactions: Transactions;

  constructor(timeout: number, transactions: Transactions) {
    this.timeout = timeout;
    this.transactions = transactions;
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
        const transaction = this.transactions.handling();
        this.events.emit('message', { message, ...(jsep ? { jsep: jsep as Jsep } : {}), ...(transaction ? { transaction } : {}) });
      },
      onremotetrack: (track: MediaStreamTrack, mid: string, on: boolean, meta?: JanusJS.RemoteTrackMetadata) => {
        this.events.emit('remoteTrack', { track, mid, on, reason: meta?.reason ?? (on ? 'created' : 'ended') });
      },
      connectionState: (state: RTCPeerConnectionState) => this.events.emit('connectionState', state),
      webrtcState: (up: boolean, reason?: string) =>
        this.events.emit('webrtcState', reason === undefined ? { up } : { up, reason }),
      slowLink: (uplink: boolean, lost: number) => this.events.emit('slowLink', { uplink: uplink === true, lost: Number(lost) || 0 }),
      mediaState: (medium: string, receiving: boolean, mid?: string | number) => {
        if (medium === 'audio' || medium === 'video') this.events.emit('media', { kind: medium, receiving: receiving === true, mid: String(mid ?? '') });
      },
      ondataopen: (label: string) => this.events.emit('dataOpen', { label: String(label ?? '') }),
      ondata: (data: string | ArrayBuffer | Blob, label: string) => {
        if (typeof data === 'string' || data instanceof ArrayBuffer) this.events.emit('data', { data, label: String(label ?? '') });
        else void data.arrayBuffer().then((buffer) => this.events.emit('data', { data: buffer, label: String(label ?? '') }));
      },
    };
  }

  /** @internal */
  bind(raw: JanusJS.PluginHandle): this {
    this.raw = raw;
    return this;
  }

  /** A synchronous plugin request (`create`, `exists`, ...): resolves with its plugin data. */
  request<T extends JanusMessage = JanusMessage>(body: JanusMessage, timeout = this.timeout): Promise<T> {
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
    return this.bounded(answered, `${String(body['request'])} request`, timeout);
  }

  /**
   * An asynchronous plugin request (`join`, `publish`, `start`, ...): sends it and resolves with
   * the first event that `until` accepts, or rejects with the first error event. Over WebSocket
   * only events answering this request's transaction count (Janus also sends unsolicited events
   * that look like answers, such as a subscriber's `updated` when a publisher leaves).
   */
  send(body: JanusMessage, options: SendOptions): Promise<{ message: JanusMessage; jsep?: Jsep }> {
    let onMessage: (event: HandleEvents['message']) => void = () => {};
    const answered = new Promise<{ message: JanusMessage; jsep?: Jsep }>((resolve, reject) => {
      let transaction: string | undefined;
      onMessage = (event) => {
        const { message, jsep } = event;
        if (transaction !== undefined && event.transaction !== transaction) return;
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
      transaction = this.transactions.lastSent();
    });
    return this.bounded(answered, `${String(body['request'])} request`).finally(() =>
      this.events.off('message', onMessage),
    );
  }

  /** An offer for `tracks` (none: the PeerConnection as it is, say for an ICE restart). */
  createOffer(tracks: JanusJS.TrackOption[], options: { iceRestart?: boolean } = {}): Promise<Jsep> {
    return this.webrtc('creating an offer', (success, error) =>
      this.handle.createOffer({ tracks, ...(options.iceRestart ? { iceRestart: true } : {}), success, error }),
    );
  }

  createAnswer(jsep: Jsep, tracks: JanusJS.TrackOption[]): Promise<Jsep> {
    return this.webrtc('creating an answer', (success, error) =>
      this.handle.createAnswer({ jsep, tracks, success, error }),
    );
  }

  async handleRemoteJsep(jsep: Jsep): Promise<void> {
    await this.webrtc('applying the answer', (success, error) => this.handle.handleRemoteJsep({ jsep, success, error }));
  }

  /** Sends on the PeerConnection's data channel (`label`: janus.js's default channel when omitted). */
  sendData(data: string | ArrayBuffer, label?: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.handle.data({
        ...(typeof data === 'string' ? { text: data } : { data }),
        ...(label === undefined ? {} : { label }),
        success: () => resolve(),
        error: (error: string) => reject(new JanusFailure('webrtc', `sending data failed: ${error}`)),
      } as JanusJS.PluginDataParam);
    });
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

  private bounded<T>(promise: Promise<T>, what: string, timeout = this.timeout): Promise<T> {
    return withTimeout(promise, timeout, () => new JanusFailure('timeout', `${what} timed out after ${timeout} ms`));
  }
}

/**
 * janus.js sets `onended` (and, on received tracks, `onmute` / `onunmute`) handlers that hold
 * its whole session: a track the page keeps after leaving (a stored local track, a remote track
 * in an app's state) would keep every PeerConnection and socket of the session alive. Called
 * when the handle's tracks are done with, it removes those handlers (this library listens with
 * `addEventListener` only).
 */
export function forgetTracks(tracks: Iterable<MediaStreamTrack>): void {
  for (const track of tracks) {
    track.onended = null;
    track.onmute = null;
    track.onunmute = null;
  }
}

/** A plugin's error answer (`error_code`, `error`) as a failure. */
function pluginFailure(data: JanusMessage): JanusFailure {
  return new JanusFailure('plugin', String(data['error'] ?? 'plugin error'), data['error_code'] as number);
}

