/**
 * A member's standing with the room service: admitted with a room token, it holds the Janus
 * tokens the service handed out (Janus enforces them), the member id, permissions and role, and
 * listens to the service's event stream (room state, role changes, removal, and for the audience,
 * the room's VideoRoom events relayed). Moderation and token updates go through it.
 */
import { createParser } from 'eventsource-parser';
import mitt, { type Emitter } from 'mitt';
import { AccessTokenExpiredError, SignalingConnectionError, SignalingIncomingMessageInvalidError } from '../errors/errors.js';
import { abortable } from '../room/connection.js';
import { readRoomToken, resolveUrl, type InteractivityMode, type TokenClaims } from './room-token.js';
import { postToService, refusal, serviceFetch } from './service-requests.js';
import { SharedState, type StateChange } from './shared-state.js';

/** What Janus checks: `token` on every request, `join` when joining the room. */
export interface JanusCredentials {
  token: string;
  join: string;
}

export type RemovalReason = 'kicked' | 'hangup' | 'destroyed';

export type AccessEvents = {
  locked: boolean;
  audienceCount: number;
  role: InteractivityMode;
  deaf: boolean;
  removed: RemovalReason;
  /** A VideoRoom event of the room, relayed to an audience member (who is not in it on Janus). */
  relay: Record<string, unknown>;
  /** Shortly before the token expires (Twilio's `tokenAboutToExpire`). */
  aboutToExpire: { expires: number };
  expired: Error;
  /** The event stream broke and could not be resumed. */
  lost: Error;
  /** The event stream broke and came back: what was relayed meanwhile is lost (`view` is new). */
  resumed: undefined;
  /** Room or member metadata, a hand, or a recording changed (see `shared`). */
  state: StateChange;
};

/** The warning comes this long before expiry (or at half the token's life, if that is shorter). */
export const EXPIRY_WARNING_MS = 180_000;
const RESUME_PAUSES_MS = [500, 1000, 2000, 4000, 8000];
const MAX_EVENT_CHARS = 1 << 20;
/** Relayed events kept for a join that starts after them (a room's worth, many times over). */
const MAX_RELAYED = 4096;
/** Longer than a timer can wait (about 24.8 days): such a token is not watched. */
const MAX_TIMER_MS = 2 ** 31 - 1;

interface Admitted {
  member_id: string;
  permissions: string[];
  interactivity_mode: InteractivityMode;
  /** The tokens, and the Janus server the service sent this member to (its room is there). */
  janus: JanusCredentials & { url?: unknown };
  room: { locked: boolean; audience_count: number; audience?: unknown };
  /** Each member's metadata and hand, by member id. */
  members?: unknown;
  view?: Record<string, unknown>;
}

/** The audience list the service sends (untrusted names: rendered as text). */
function audienceList(value: unknown): Array<{ id: string; name: string }> {
  if (!Array.isArray(value)) return [];
  return value.filter((m): m is { id: string; name: string } => !!m && typeof m.id === 'string' && typeof m.name === 'string').map(({ id, name }) => ({ id, name }));
}

function isAdmitted(value: unknown): value is Admitted {
  const v = value as Admitted;
  return !!v && typeof v.member_id === 'string' && Array.isArray(v.permissions) && typeof v.janus?.token === 'string' && typeof v.janus?.join === 'string';
}

export class RoomAccess {
  readonly events: Emitter<AccessEvents> = mitt<AccessEvents>();
  readonly room: string;
  /** The Janus tokens now (updated in place by `updateToken`: the connection reads them per request). */
  readonly credentials: JanusCredentials = { token: '', join: '' };
  memberId = '';
  /** The Janus server the room service sent this member to, if it said (else the token's). */
  janusUrl: string | undefined;
  permissions: readonly string[] = [];
  mode: InteractivityMode = 'member';
  locked = false;
  audienceCount = 0;
  /** Who is in the audience: only told to members who may promote them. */
  audience: ReadonlyArray<{ id: string; name: string }> = [];
  /** Metadata, hands and recording, as the service pushes them. */
  readonly shared = new SharedState();
  /** The room as an audience member first sees it (a VideoRoom `joined` answer)... */
  view: Record<string, unknown> | undefined;
  /** ...and the room's events relayed since (a join that starts later catches up with them). */
  readonly relayed: Record<string, unknown>[] = [];
  private tokenValue: string;
  private claimsValue: TokenClaims;
  private readonly controller = new AbortController();
  private timers: ReturnType<typeof setTimeout>[] = [];
  /** The expiry warning and the expiry (replaced by `updateToken`). */
  private expiryTimers: ReturnType<typeof setTimeout>[] = [];
  private closed = false;

  private constructor(token: string, claims: TokenClaims, room: string) {
    this.tokenValue = token;
    this.claimsValue = claims;
    this.room = room;
  }

  get claims(): TokenClaims {
    return this.claimsValue;
  }

  get token(): string {
    return this.tokenValue;
  }

  /** Asks the service to admit the token's holder to `room`; rejects with the service's refusal. */
  static async open(token: string, room: string, options: { signal?: AbortSignal; timeout: number }): Promise<RoomAccess> {
    const claims = readRoomToken(token);
    if (claims.expires <= Date.now()) throw new AccessTokenExpiredError(`${AccessTokenExpiredError.defaultMessage}: the token expired at ${new Date(claims.expires).toISOString()}. Get a new one`);
    const access = new RoomAccess(token.trim(), claims, room);
    const abort = () => access.close();
    options.signal?.addEventListener('abort', abort, { once: true });
    try {
      const timeout = new Promise<never>((_, reject) =>
        access.timers.push(setTimeout(() => reject(new SignalingConnectionError(`${SignalingConnectionError.defaultMessage}: the room service did not admit this client within ${options.timeout} ms`)), options.timeout)),
      );
      await Promise.race([access.connect(undefined), timeout]);
    } catch (error) {
      access.close();
      throw error;
    } finally {
      options.signal?.removeEventListener('abort', abort);
      access.clearTimers();
    }
    access.scheduleExpiry();
    return access;
  }

  private url(path: string): string {
    return `${this.claimsValue.serviceUrl}/v1/rooms/${encodeURIComponent(this.room)}${path}`;
  }

  /** Opens the event stream; resolves once admitted, then keeps reading it. */
  private async connect(resume: string | undefined): Promise<void> {
    const response = await serviceFetch(this.url(`/events${resume ? `?member=${encodeURIComponent(resume)}` : ''}`), {
      headers: { Authorization: `Bearer ${this.tokenValue}`, Accept: 'text/event-stream' },
      signal: this.controller.signal,
      cache: 'no-store',
    });
    if (!response.ok || !response.body) throw await refusal(response);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    // Only an admitted stream is ours: its events count, and its end is a break to bridge.
    let accepted = false;
    let admitted: (() => void) | undefined;
    let refused: ((error: Error) => void) | undefined;
    const first = new Promise<void>((resolve, reject) => {
      admitted = resolve;
      refused = reject;
    });
    const failed = (error: Error) => {
      refused?.(error);
      void reader.cancel().catch(() => {});
    };
    const parser = createParser({
      maxBufferSize: MAX_EVENT_CHARS,
      onEvent: ({ event, data }) => {
        let value: unknown;
        try {
          value = JSON.parse(data);
        } catch {
          return;
        }
        if (event === 'admitted' && !accepted) {
          if (!isAdmitted(value)) return failed(new SignalingIncomingMessageInvalidError(`${SignalingIncomingMessageInvalidError.defaultMessage}: the room service's admission lacks the member id or Janus tokens`));
          try {
            this.admit(value);
          } catch (error) {
            return failed(error as Error);
          }
          accepted = true;
          admitted?.();
        } else if (accepted) {
          this.onEvent(event ?? '', value);
        }
      },
    });
    void (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          parser.feed(value);
        }
      } catch {
        // Aborted, or the network broke: both end the stream.
      }
      refused?.(new SignalingConnectionError(`${SignalingConnectionError.defaultMessage}: the room service closed the event stream before admitting this client`));
      if (accepted && !this.closed) void this.resume();
    })();
    await first;
  }

  private admit(admitted: Admitted): void {
    // Coming back, the service must know us as the member Janus knows.
    if (this.memberId && admitted.member_id !== this.memberId) throw new SignalingConnectionError(`${SignalingConnectionError.defaultMessage}: the room service no longer knows this member`);
    const resuming = this.memberId !== '';
    this.memberId = admitted.member_id;
    this.credentials.token = admitted.janus.token;
    this.credentials.join = admitted.janus.join;
    if (typeof admitted.janus.url === 'string' && admitted.janus.url !== '') this.janusUrl = resolveUrl(admitted.janus.url, true);
    this.permissions = admitted.permissions.filter((p) => typeof p === 'string');
    this.mode = admitted.interactivity_mode === 'audience' ? 'audience' : 'member';
    this.locked = admitted.room?.locked === true;
    this.audienceCount = Number(admitted.room?.audience_count) || 0;
    this.audience = audienceList(admitted.room?.audience);
    const change = this.shared.reset(admitted.room, admitted.members);
    // Back after a break: what changed meanwhile shows (the members' part through the snapshot).
    if (resuming) this.events.emit('state', change);
    this.setView(admitted.view);
  }

  private setView(view: unknown): void {
    this.view = view && typeof view === 'object' ? (view as Record<string, unknown>) : undefined;
    this.relayed.length = 0;
  }

  private onEvent(event: string, value: unknown): void {
    const data = (value ?? {}) as Record<string, unknown>;
    const change = this.shared.apply(event, value);
    if (change) this.events.emit('state', change);
    switch (event) {
      case 'room.updated': {
        const room = (data['room'] ?? {}) as { locked?: unknown };
        if (!('locked' in room)) break;
        this.locked = room.locked === true;
        this.events.emit('locked', this.locked);
        break;
      }
      case 'room.audience_count':
        this.audienceCount = Number(data['total']) || 0;
        this.audience = audienceList(data['members']);
        this.events.emit('audienceCount', this.audienceCount);
        break;
      case 'member.promoted':
      case 'member.demoted':
        this.mode = event === 'member.promoted' ? 'member' : 'audience';
        if (this.mode === 'audience') this.setView(data['view']);
        this.events.emit('role', this.mode);
        break;
      case 'member.deaf':
        this.events.emit('deaf', data['deaf'] === true);
        break;
      case 'removed': {
        const reason = data['reason'];
        this.close();
        this.events.emit('removed', reason === 'hangup' || reason === 'destroyed' ? reason : 'kicked');
        break;
      }
      case 'videoroom':
        if (this.relayed.length < MAX_RELAYED) this.relayed.push(data);
        this.events.emit('relay', data);
        break;
    }
  }

  /** The stream broke: come back as the same member, or give up. */
  private async resume(): Promise<void> {
    for (const pause of RESUME_PAUSES_MS) {
      await abortable(this.controller.signal, new Promise((resolve) => this.timers.push(setTimeout(resolve, pause)))).catch(() => {});
      if (this.closed) return;
      try {
        await this.connect(this.memberId);
        this.events.emit('resumed', undefined);
        return;
      } catch (error) {
        if (this.closed) return;
        if ((error as { code?: number }).code !== undefined && (error as { code: number }).code !== 53000) break;
      }
    }
    this.events.emit('lost', new SignalingConnectionError(`${SignalingConnectionError.defaultMessage}: lost the room service's event stream`));
  }

  /** A privileged operation on a member (`audio_mute`, `remove`, `promote`, ...), checked by the service. */
  async memberAction(memberId: string, action: string): Promise<void> {
    await postToService(this.url(`/members/${encodeURIComponent(memberId)}/${action}`), this.tokenValue, { member_id: this.memberId });
  }

  /** A privileged operation on the room (`lock`, `unlock`, `remove_all`). */
  async roomAction(action: string): Promise<void> {
    await postToService(this.url(`/${action}`), this.tokenValue, { member_id: this.memberId });
  }

  /** A request about room state (metadata, hands, recordings: see server/http-state.ts), checked by the service. */
  async stateRequest(path: string, body?: Record<string, unknown>): Promise<Record<string, unknown>> {
    if (body) return postToService(this.url(path), this.tokenValue, { ...body, member_id: this.memberId });
    const response = await serviceFetch(this.url(`${path}?member=${encodeURIComponent(this.memberId)}`), { headers: { Authorization: `Bearer ${this.tokenValue}` } });
    if (!response.ok) throw await refusal(response);
    return (await response.json()) as Record<string, unknown>;
  }

  /** Swaps in a new token for the same room and identity (Twilio `updateToken`): new Janus tokens, new expiry. */
  async updateToken(token: string): Promise<void> {
    const claims = readRoomToken(token);
    const answer = await postToService(this.url(`/members/${encodeURIComponent(this.memberId)}/token`), token.trim(), {});
    if (typeof answer['token'] !== 'string' || typeof answer['join'] !== 'string') {
      throw new SignalingIncomingMessageInvalidError(`${SignalingIncomingMessageInvalidError.defaultMessage}: the room service's answer has no Janus tokens`);
    }
    Object.assign(this.credentials, { token: answer['token'], join: answer['join'] });
    if (Array.isArray(answer['permissions'])) this.permissions = answer['permissions'].filter((p): p is string => typeof p === 'string');
    this.tokenValue = token.trim();
    this.claimsValue = claims;
    this.scheduleExpiry();
  }

  private scheduleExpiry(): void {
    for (const timer of this.expiryTimers.splice(0)) clearTimeout(timer);
    const { expires } = this.claimsValue;
    const left = expires - Date.now();
    if (left > MAX_TIMER_MS) return;
    const warnIn = Math.max(0, left - Math.min(EXPIRY_WARNING_MS, left / 2));
    this.expiryTimers.push(setTimeout(() => this.events.emit('aboutToExpire', { expires }), warnIn));
    this.expiryTimers.push(
      setTimeout(
        () => this.events.emit('expired', new AccessTokenExpiredError(`${AccessTokenExpiredError.defaultMessage}: the room token expired at ${new Date(expires).toISOString()}; call updateToken() before it does`)),
        Math.max(0, left),
      ),
    );
  }

  private clearTimers(): void {
    for (const timer of this.timers.splice(0)) clearTimeout(timer);
  }

  close(): void {
    this.closed = true;
    this.clearTimers();
    for (const timer of this.expiryTimers.splice(0)) clearTimeout(timer);
    this.controller.abort();
  }
}
