/**
 * twilio-video 1.x's `Client` (`new Twilio.Video.Client(token).connect({ to })`), kept for code of
 * those days: each `connect` is today's `connect(token, { name: to, ... })`.
 */
import { NodeEmitter as EventEmitter } from '../util/node-emitter.js';
import { setLogLevel, type LogLevel } from '../util/logger.js';
import { warnOnce } from '../util/warn.js';
import { connect, type CancelablePromise, type ConnectOptions } from './connect.js';
import type { Room } from './room.js';

export class Client extends EventEmitter {
  token: string;
  readonly rooms = new Map<string, Room>();
  private readonly defaults: ConnectOptions;

  constructor(initialToken: string, options: ConnectOptions & { logLevel?: LogLevel } = {}) {
    super();
    warnOnce('Client is deprecated (twilio-video 1.x): call connect(token, options)');
    this.token = initialToken;
    this.defaults = options;
  }

  /** Joins the room `options.to` names (or the token's). */
  connect(options: ConnectOptions & { to?: string; localStream?: MediaStream } = {}): CancelablePromise<Room> {
    const { to, localStream, ...rest } = options;
    const connecting = connect(this.token, {
      ...this.defaults,
      ...rest,
      ...(to !== undefined ? { name: to } : {}),
      ...(localStream ? { tracks: localStream.getTracks() } : {}),
    });
    const promise = connecting.then((room) => {
      this.rooms.set(room.sid, room);
      room.once('disconnected', () => this.rooms.delete(room.sid));
      return room;
    });
    promise.catch((error: unknown) => this.emit('error', error));
    return Object.assign(promise, { cancel: () => connecting.cancel() });
  }

  setLogLevel(logLevel: LogLevel): this {
    setLogLevel(logLevel);
    return this;
  }

  /** Replaces the token: rooms joined keep going and renew theirs with it. */
  async updateToken(newToken: string): Promise<this> {
    this.token = newToken;
    await Promise.all([...this.rooms.values()].map((room) => room.session.updateToken(newToken)));
    return this;
  }
}
