/**
 * The signaling half of a join: a Janus session, a publisher handle, the room (created if it is
 * missing and allowed), and the join itself. Each step can be cancelled (connection.ts).
 */
import { RoomNotFoundError, SignalingConnectionDisconnectedError } from '../errors/errors.js';
import { JanusFailure, JanusSession } from '../janus/janus-client.js';
import { parseJoined, parseParticipantEvent, type JoinedInfo, type ParticipantEvent } from '../janus/videoroom/protocol.js';
import type { RoomAccess } from '../service/room-access.js';
import { VideoRoomPublisher } from '../janus/videoroom/publisher.js';
import type { Attempt } from './connection.js';
import type { ResolvedOptions } from './options.js';
import { DEFAULT_INPUT_SENSITIVITY, TALK_WINDOW_PACKETS, talkThreshold } from './speakers.js';

export interface Signaling {
  readonly session: JanusSession;
  readonly publisher: VideoRoomPublisher;
  readonly joined: JoinedInfo;
  /** The secret of the room, when this join created it. */
  readonly createdSecret?: string;
  /**
   * An audience member is not in the room on Janus (only members are on its `allowed` list): the
   * room service relays the room's events instead. `backlog`: those since `joined` was taken.
   */
  readonly relay?: { backlog: ParticipantEvent[]; follow(listener: (event: ParticipantEvent) => void): () => void };
}

export interface SignalingHooks {
  /** The session is stored as soon as it exists, so a failure later still releases it. */
  session(session: JanusSession): void;
  roomEvent(event: ParticipantEvent): void;
  publisherState(state: RTCPeerConnectionState): void;
  /** The connection to Janus dropped. */
  lost(error: Error): void;
}

export async function joinSignaling(attempt: Attempt, options: ResolvedOptions, memberId: string, hooks: SignalingHooks): Promise<Signaling> {
  const session = await attempt.step(
    JanusSession.connect({ ...options, signal: attempt.signal, ...(options.access ? { credentials: options.access.credentials } : {}) }),
    (late) => void late.destroy(),
  );
  hooks.session(session);
  session.events.on('disconnected', ({ reason }) =>
    hooks.lost(new SignalingConnectionDisconnectedError(`Signaling connection disconnected: ${reason}. Check the network connection and join again.`)),
  );
  const publisher = await attempt.step(VideoRoomPublisher.attach(session));
  publisher.events.on('room', hooks.roomEvent);
  publisher.events.on('connectionState', hooks.publisherState);
  const { access } = options;
  if (access?.mode === 'audience') return { session, publisher, ...audienceView(access) };
  const createdSecret = access ? undefined : await attempt.step(ensureRoom(publisher, options));
  const joined = await attempt.step(
    publisher.join({
      room: options.room,
      id: memberId,
      display: options.identity,
      ...(options.pin ? { pin: options.pin } : {}),
      ...(access ? { token: access.credentials.join } : {}),
    }),
  );
  return { session, publisher, joined, ...(createdSecret ? { createdSecret } : {}) };
}

/** The room as the service relays it to an audience member. */
function audienceView(access: RoomAccess): Pick<Signaling, 'joined' | 'relay'> {
  const events = (messages: Record<string, unknown>[]) => messages.map(parseParticipantEvent).filter((e): e is ParticipantEvent => e !== undefined);
  return {
    joined: parseJoined(access.view ?? { private_id: 0 }),
    relay: {
      backlog: events(access.relayed),
      follow(listener) {
        const relay = (message: Record<string, unknown>) => events([message]).forEach(listener);
        access.events.on('relay', relay);
        return () => access.events.off('relay', relay);
      },
    },
  };
}

/** Creates the room when it is missing and allowed; resolves with its secret if this call created it. */
async function ensureRoom(publisher: VideoRoomPublisher, options: ResolvedOptions): Promise<string | undefined> {
  if (await publisher.exists(options.room)) return undefined;
  const notFound = (detail: string, cause?: unknown) =>
    new RoomNotFoundError(`Room not found: room "${options.room}" ${detail}`, { attribute: 'room', ...(cause === undefined ? {} : { cause }) });
  if (!options.create) throw notFound('does not exist. Check the room attribute, or let this client create it (remove create="false")');
  try {
    return await publisher.create(options.room, {
      publishers: options.maxPublishers,
      talkWindow: TALK_WINDOW_PACKETS,
      talkThreshold: talkThreshold(DEFAULT_INPUT_SENSITIVITY),
      ...(options.pin ? { pin: options.pin } : {}),
    });
  } catch (error) {
    // Janus refuses `create` when it requires an admin_key: ad-hoc creation is off there.
    if (error instanceof JanusFailure && error.kind === 'plugin') {
      throw notFound('does not exist, and this Janus does not let clients create rooms. Create it first, on the server side', error);
    }
    throw error;
  }
}
