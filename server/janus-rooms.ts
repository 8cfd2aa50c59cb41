/**
 * The room service's side of Janus, through janode: creates rooms (with the VideoRoom
 * `admin_key`), keeps each room's secret, manages the `allowed` list, moderates and kicks, and
 * keeps a monitor participant in every room it serves, whose events tell who is there with which
 * streams (Janus 1.1.2 has no other way to learn a member's mids). Secrets never leave here.
 */
import { createHmac } from 'node:crypto';
import { EventEmitter } from 'node:events';
import Janode, { type JanodeConnection, type JanodeHandle, type JanodeSession } from 'janode';
import TextRoomPlugin, { type TextRoomHandle } from 'janode/plugins/textroom';
import VideoRoomPlugin from 'janode/plugins/videoroom';
import { janusToken, RESERVED_PREFIX } from './tokens.js';
import type { RawEvent } from './room-view.js';
import { sharedPromise } from './shared-promise.js';

export const MONITOR_ID = `${RESERVED_PREFIX}room-service`;
const PLUGINS = ['janus.plugin.videoroom', 'janus.plugin.textroom'];
/** How often Janus asks publishers for a keyframe while a room is recorded. */
const RECORDING_FIR_SECONDS = 2;
/** The service's own core token lasts as long as any process will. */
const SERVICE_TOKEN_SECONDS = 10 * 365 * 24 * 3600;

/** One Janus server of a deployment. */
export interface JanusServer {
  /** Its WebSocket API, as the service reaches it. */
  url: string;
  /** Its WebSocket API as browsers reach it (put in tokens and admissions). */
  publicUrl: string;
  /** Where the other Janus servers send it RTP when a room is cascaded (default: the host of `url`). */
  rtpHost?: string;
}

export interface JanusSettings {
  /** The Janus WebSocket API the service connects to (one server; or list them in `servers`). */
  url?: string;
  /** Its URL as browsers reach it. */
  publicUrl?: string;
  /** Several Janus servers (they share the secrets below): rooms are spread over them. */
  servers?: JanusServer[];
  tokenAuthSecret: string;
  adminKey: string;
  /** Room secrets are derived from this (so a restarted service still holds them). */
  roomSecretKey: string;
  /** Settings for rooms the service creates. */
  rooms?: {
    publishers?: number;
    audioActivePackets?: number;
    audioLevelAverage?: number;
    /** Seconds a room stays after its last member left, before the service destroys it (default 60). */
    idleSeconds?: number;
    /** Names of rooms cascaded over every server (`*` matches any text), e.g. `["town-hall-*"]`. */
    large?: string[];
  };
}

/** The servers `settings` names: `servers`, or the one of `url` and `publicUrl`. */
export function serversOf(settings: JanusSettings): JanusServer[] {
  if (settings.servers?.length) return settings.servers;
  return settings.url ? [{ url: settings.url, publicUrl: settings.publicUrl ?? settings.url }] : [];
}

/** A VideoRoom handle that also hands over every raw message (janode keeps only its own digest). */
class RawHandle extends (VideoRoomPlugin.Handle as new (...args: never[]) => JanodeHandle) {
  lastAnswer: RawEvent | undefined;
  override handleMessage(message: Record<string, unknown>): unknown {
    const data = (message['plugindata'] as { data?: RawEvent } | undefined)?.data;
    if (data) {
      if (this.ownsTransaction(message['transaction'] as string | undefined)) this.lastAnswer = data;
      else this.emit('raw', data);
    }
    return super.handleMessage(message);
  }
}
const RAW_PLUGIN = { id: VideoRoomPlugin.id, Handle: RawHandle as unknown as new (...args: never[]) => RawHandle };

export class JanusRooms extends EventEmitter<{ event: [room: string, event: RawEvent]; lost: [] }> {
  private readonly settings: JanusSettings;
  private readonly url: string;
  private connection: JanodeConnection | undefined;
  private session: JanodeSession | undefined;
  private control: RawHandle | undefined;
  /** TextRoom: each room's chat channel lives there, under the same name. */
  private chat: TextRoomHandle | undefined;
  private readonly monitors = new Map<string, Promise<RawHandle>>();
  /** Rooms being destroyed: a room wanted again meanwhile is created anew after that. */
  private readonly retiring = new Map<string, Promise<void>>();

  constructor(settings: JanusSettings, url: string) {
    super();
    this.settings = settings;
    this.url = url;
    Janode.Logger.setLevel('none');
  }

  async connect(): Promise<void> {
    const token = janusToken(this.settings.tokenAuthSecret, Date.now() / 1000 + SERVICE_TOKEN_SECONDS, 'janus', PLUGINS);
    this.connection = await Janode.connect({ address: { url: this.url, token }, retry_time_secs: 1, max_retries: 3 });
    this.connection.once(Janode.EVENT['CONNECTION_CLOSED']!, () => this.emit('lost'));
    this.session = await this.connection.create();
    this.control = await this.session.attach(RAW_PLUGIN);
    this.chat = await this.session.attach(TextRoomPlugin);
  }

  async close(): Promise<void> {
    await this.connection?.close().catch(() => {});
  }

  /** A Janus token for a member: the core one (every request) and the one a join in `room` needs. */
  credentials(room: string, memberId: string, expires: number): { token: string; join: string } {
    const secret = this.settings.tokenAuthSecret;
    return {
      token: janusToken(secret, expires, 'janus', PLUGINS),
      join: janusToken(secret, expires, 'janus.plugin.videoroom', [`room=${room}`, `member=${memberId}`]),
    };
  }

  private secret(room: string): string {
    return createHmac('sha256', this.settings.roomSecretKey).update(room).digest('base64url');
  }

  /** Sends a synchronous VideoRoom request; resolves with Janus's answer, rejects with its error. */
  private async request(body: RawEvent): Promise<RawEvent> {
    const control = this.control;
    if (!control) throw new Error('the room service is not connected to Janus');
    await control.message(body);
    return control.lastAnswer ?? {};
  }

  async exists(room: string): Promise<boolean> {
    return (await this.request({ request: 'exists', room }))['exists'] === true;
  }

  /** Creates the room if missing (signed tokens and an `allowed` list on), and monitors it. */
  async ensureRoom(room: string): Promise<void> {
    await this.retiring.get(room);
    if (!(await this.exists(room))) {
      const rooms = this.settings.rooms ?? {};
      try {
        await this.request({
          request: 'create',
          room,
          description: room,
          admin_key: this.settings.adminKey,
          secret: this.secret(room),
          is_private: true,
          signed_tokens: true,
          allowed: [],
          publishers: rooms.publishers ?? 16,
          notify_joining: true,
          audiolevel_event: true,
          audio_active_packets: rooms.audioActivePackets ?? 50,
          audio_level_average: rooms.audioLevelAverage ?? 55,
          audiocodec: 'opus',
          videocodec: 'vp8',
          // Only the service (it holds the secret) starts or stops recording.
          lock_record: true,
        });
      } catch (error) {
        // Another admission created it meanwhile.
        if (!String((error as Error).message).startsWith('427')) throw error;
      }
    }
    await this.ensureChat(room);
    await this.monitor(room);
  }

  /**
   * The room's chat: a TextRoom room of the same name, with history, whose `allowed` list holds
   * the join tokens of everyone admitted (members and audience).
   */
  private async ensureChat(room: string): Promise<void> {
    const chat = this.chat!;
    if ((await chat.exists({ room })).exists) return;
    try {
      await chat.create({ room, admin_key: this.settings.adminKey, description: room, secret: this.secret(room), is_private: true, history: 100 });
      await chat.allow({ room, action: 'enable', list: [], secret: this.secret(room) });
    } catch (error) {
      if (!String((error as Error).message).startsWith('418')) throw error;
    }
  }

  /** Takes a member (its chat username is its member id) out of the room's chat. */
  async kickChat(room: string, username: string): Promise<void> {
    await this.chat?.kick({ room, username, secret: this.secret(room) });
  }

  /** Lets tokens into the room's chat (`add`) or out of it (`remove`). */
  async allowChat(room: string, tokens: string[], action: 'add' | 'remove'): Promise<void> {
    if (tokens.length) await this.chat?.allow({ room, action, list: tokens, secret: this.secret(room) });
  }

  private monitor(room: string): Promise<RawHandle> {
    return sharedPromise(this.monitors, room, () => this.startMonitor(room));
  }

  private async startMonitor(room: string): Promise<RawHandle> {
    const handle = await this.session!.attach(RAW_PLUGIN);
    const { join } = this.credentials(room, MONITOR_ID, Date.now() / 1000 + SERVICE_TOKEN_SECONDS);
    await this.allow(room, [join], 'add');
    handle.on('raw', (event: RawEvent) => {
      if (event['videoroom'] === 'destroyed') this.monitors.delete(room);
      this.emit('event', room, event);
    });
    await handle.message({ request: 'join', ptype: 'publisher', room, id: MONITOR_ID, display: 'room service', token: join });
    if (handle.lastAnswer) this.emit('event', room, handle.lastAnswer);
    return handle;
  }

  /** Destroys a room the service created (its monitor leaves first): nobody is in it any more. */
  retire(room: string): Promise<void> {
    const monitor = this.monitors.get(room);
    this.monitors.delete(room);
    const retired = (async () => {
      await (await monitor?.catch(() => undefined))?.detach().catch(() => {});
      await this.request({ request: 'destroy', room, secret: this.secret(room) });
      await this.chat?.destroy({ room, secret: this.secret(room) }).catch(() => {});
    })().finally(() => this.retiring.delete(room));
    this.retiring.set(room, retired.catch(() => {}));
    return retired;
  }

  async allow(room: string, tokens: string[], action: 'add' | 'remove'): Promise<void> {
    if (tokens.length) await this.request({ request: 'allowed', room, secret: this.secret(room), action, allowed: tokens });
  }

  async moderate(room: string, id: string, mid: string, mute: boolean): Promise<void> {
    await this.request({ request: 'moderate', room, secret: this.secret(room), id, mid, mute });
  }

  /**
   * Records every publisher of the room into `dir` (`.mjr` files), or stops (`false`). While it
   * records, Janus asks every publisher for a keyframe every few seconds (`fir_freq`): it asks
   * once when recording starts, but a browser ignores a request that comes right after another
   * (a new subscriber's), and a simulcast stream is not written until a keyframe arrives.
   */
  async record(room: string, dir: string | false): Promise<void> {
    const secret = this.secret(room);
    if (dir !== false) await this.request({ request: 'edit', room, secret, new_rec_dir: dir, new_fir_freq: RECORDING_FIR_SECONDS });
    await this.request({ request: 'enable_recording', room, secret, record: dir !== false });
    if (dir === false) await this.request({ request: 'edit', room, secret, new_fir_freq: 0 });
  }

  /** A cascading request (`add_remote_publisher`, `publish_remotely`, ...) with the room's secret and the admin key. */
  cascade(request: string, room: string, fields: RawEvent): Promise<RawEvent> {
    return this.request({ request, room, secret: this.secret(room), admin_key: this.settings.adminKey, ...fields });
  }

  async kick(room: string, id: string): Promise<void> {
    await this.request({ request: 'kick', room, secret: this.secret(room), id });
  }
}
