import {
  ParticipantIdentityCharsInvalidError,
  ParticipantIdentityInvalidError,
  ParticipantIdentityTooLongError,
  RoomNameCharsInvalidError,
  RoomNameInvalidError,
  RoomNameTooLongError,
  SignalingConnectionError,
  type RoomErrorClass,
} from '../errors/errors.js';
import type { RoomAccess } from '../service/room-access.js';
import type { TokenClaims } from '../service/room-token.js';
import { talkThreshold } from './speakers.js';
import type { BandwidthProfile, JoinOptions, RoomSessionOptions, TrackKind } from './types.js';
import type { DemandPolicy } from './video-demand.js';

export const DEFAULT_TIMEOUT = 10_000;
/** How long a broken connection is given to come back (Twilio's and SignalWire's clients allow about as long). */
export const DEFAULT_RECONNECT_WINDOW = 30_000;
export const DEFAULT_MAX_PUBLISHERS = 16;
/** Twilio's limits for room names and identities. */
export const MAX_NAME_LENGTH = 128;

export type ResolvedOptions = Required<Omit<RoomSessionOptions, 'pin' | 'localStream' | 'inputSensitivity' | 'bandwidthProfile' | 'token' | 'iceTransportPolicy' | 'applyLocalVideoOverlay' | 'logLevel'>> & {
  iceTransportPolicy?: RTCIceTransportPolicy;
  pin?: string;
  localStream?: MediaStream;
  inputSensitivity?: number;
  /** Joined through the room service (with a token): Janus's tokens, the member's role, its event stream. */
  access?: RoomAccess;
};

/** The options a token fills in: its server, room (unless the page names one) and identity. */
export function withTokenClaims(options: RoomSessionOptions, claims: TokenClaims): RoomSessionOptions {
  return { ...options, server: options.server || claims.janusUrl, room: options.room || claims.room, identity: claims.identity };
}

/** Mobile browsers stop a backgrounded page's camera; desktop ones keep it. */
function isMobile(): boolean {
  if (typeof navigator === 'undefined') return false;
  const hints = (navigator as Navigator & { userAgentData?: { mobile?: boolean } }).userAgentData;
  return hints?.mobile ?? /Android|iPhone|iPad|iPod|Mobile/i.test(navigator.userAgent);
}

// Control characters cannot be typed or shown; everything else is allowed (and rendered as text).
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

function invalid(ErrorClass: RoomErrorClass, attribute: string, detail: string): never {
  throw new ErrorClass(`${ErrorClass.defaultMessage}: the "${attribute}" attribute ${detail}`, { attribute });
}

function checkName(
  value: unknown,
  attribute: string,
  classes: { invalid: RoomErrorClass; tooLong: RoomErrorClass; chars: RoomErrorClass },
  what: string,
): string {
  if (typeof value !== 'string' || value.trim() === '') invalid(classes.invalid, attribute, `is required (${what})`);
  if (value.length > MAX_NAME_LENGTH) invalid(classes.tooLong, attribute, `is longer than ${MAX_NAME_LENGTH} characters`);
  if (CONTROL_CHARS.test(value)) invalid(classes.chars, attribute, 'contains control characters');
  return value;
}

/** Checks options before anything is acquired; throws a documented error naming the attribute. */
export function resolveOptions(options: RoomSessionOptions): ResolvedOptions {
  const server = options.server;
  let url: URL | undefined;
  try {
    url = typeof server === 'string' && server !== '' ? new URL(server) : undefined;
  } catch {
    url = undefined;
  }
  if (!server) invalid(SignalingConnectionError, 'server', 'is required (the ws:// or wss:// URL of the Janus server)');
  if (!url || !['ws:', 'wss:', 'http:', 'https:'].includes(url.protocol)) {
    invalid(SignalingConnectionError, 'server', `must be a ws://, wss://, http:// or https:// URL, not "${server}"`);
  }
  const room = checkName(
    options.room,
    'room',
    { invalid: RoomNameInvalidError, tooLong: RoomNameTooLongError, chars: RoomNameCharsInvalidError },
    'the name of the room to join',
  );
  const identity = checkName(
    options.identity,
    'identity',
    {
      invalid: ParticipantIdentityInvalidError,
      tooLong: ParticipantIdentityTooLongError,
      chars: ParticipantIdentityCharsInvalidError,
    },
    'the name shown to other members',
  );
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  if (!Number.isFinite(timeout) || timeout <= 0) {
    throw new RangeError(`the "timeout" option must be a positive number of milliseconds, not ${String(timeout)}`);
  }
  const reconnectWindow = options.reconnectWindow ?? DEFAULT_RECONNECT_WINDOW;
  if (!Number.isFinite(reconnectWindow) || reconnectWindow < 0) {
    throw new RangeError(`the "reconnectWindow" option must be a number of milliseconds (0 or more), not ${String(reconnectWindow)}`);
  }
  const maxPublishers = options.maxPublishers ?? DEFAULT_MAX_PUBLISHERS;
  if (!Number.isInteger(maxPublishers) || maxPublishers < 1) {
    throw new RangeError(`the "maxPublishers" option must be a positive integer, not ${String(maxPublishers)}`);
  }
  const iceServers = options.iceServers ?? [];
  if (!Array.isArray(iceServers)) throw new RangeError('the "iceServers" option must be an array of RTCIceServer');
  const policy = options.iceTransportPolicy;
  if (policy !== undefined && policy !== 'all' && policy !== 'relay') {
    throw new RangeError(`the "iceTransportPolicy" option must be "all" or "relay", not ${JSON.stringify(policy)}`);
  }
  const localStream = options.localStream;
  if (localStream !== undefined && !(localStream instanceof MediaStream)) {
    throw new RangeError('the "localStream" option must be a MediaStream');
  }
  if (options.inputSensitivity !== undefined) talkThreshold(options.inputSensitivity);
  demandPolicy(options.bandwidthProfile, true);
  return {
    server,
    room,
    identity,
    ...(options.pin ? { pin: String(options.pin) } : {}),
    audio: constraintsOption(options.audio, 'audio'),
    video: constraintsOption(options.video, 'video'),
    create: options.create ?? true,
    iceServers,
    ...(policy ? { iceTransportPolicy: policy } : {}),
    timeout,
    reconnectWindow,
    maxPublishers,
    stopCameraWhileMuted: booleanOption(options.stopCameraWhileMuted, 'stopCameraWhileMuted', true),
    stopMicrophoneWhileMuted: booleanOption(options.stopMicrophoneWhileMuted, 'stopMicrophoneWhileMuted', true),
    stopCameraInBackground: booleanOption(options.stopCameraInBackground, 'stopCameraInBackground', isMobile()),
    simulcast: booleanOption(options.simulcast, 'simulcast', true),
    ...(localStream ? { localStream } : {}),
    ...(options.inputSensitivity === undefined ? {} : { inputSensitivity: options.inputSensitivity }),
  };
}

const SWITCHES = ['clientTrackSwitchOffControl', 'contentPreferencesMode'] as const;

/**
 * What Twilio's `bandwidthProfile.video` asks of received video. `strict` (at join) rejects bad
 * values; otherwise they read as the default. Twilio's other fields are accepted and ignored.
 */
export function demandPolicy(profile: BandwidthProfile | undefined, strict = false): DemandPolicy {
  if (profile !== undefined && (typeof profile !== 'object' || profile === null)) {
    if (strict) throw new RangeError('the "bandwidthProfile" option must be an object, such as { video: { clientTrackSwitchOffControl: "auto" } }');
    profile = undefined;
  }
  const video: Record<string, unknown> = (profile?.video as Record<string, unknown> | undefined) ?? {};
  for (const name of SWITCHES) {
    const value = video[name];
    if (strict && value !== undefined && value !== 'auto' && value !== 'manual') {
      throw new RangeError(`bandwidthProfile.video.${name} must be "auto" or "manual", not ${JSON.stringify(value)}`);
    }
  }
  return { autoSwitchOff: video['clientTrackSwitchOffControl'] !== 'manual', autoLayers: video['contentPreferencesMode'] !== 'manual' };
}

function constraintsOption(value: unknown, name: string): boolean | MediaTrackConstraints {
  if (value === undefined) return true;
  if (typeof value === 'boolean' || (typeof value === 'object' && value !== null && !Array.isArray(value))) {
    return value as boolean | MediaTrackConstraints;
  }
  throw new RangeError(`the "${name}" option must be true, false or MediaTrackConstraints, not ${JSON.stringify(value)}`);
}

function booleanOption(value: unknown, name: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value === 'boolean') return value;
  throw new RangeError(`the "${name}" option must be true or false, not ${JSON.stringify(value)}`);
}

/** What one join captures, publishes and receives. */
export interface JoinPlan {
  /** Constraints per source to publish (`true`: the device chosen last). */
  camera: boolean | MediaTrackConstraints;
  microphone: boolean | MediaTrackConstraints;
  receive: ReadonlySet<TrackKind>;
}

/** SignalWire's `join()` parameters over the session's options (they apply to this join only); the audience sends nothing. */
export function planJoin(options: ResolvedOptions, params: JoinOptions = {}): JoinPlan {
  const plan = planMemberJoin(options, params);
  return options.access?.mode === 'audience' ? { ...plan, camera: false, microphone: false } : plan;
}

function planMemberJoin(options: ResolvedOptions, params: JoinOptions): JoinPlan {
  if (typeof params !== 'object' || params === null) throw new RangeError('join() takes an object of options');
  const audio = params.audio === undefined ? options.audio : constraintsOption(params.audio, 'audio');
  const video = params.video === undefined ? options.video : constraintsOption(params.video, 'video');
  const send = (constraints: boolean | MediaTrackConstraints, flag: unknown, name: string) =>
    booleanOption(flag, name, constraints !== false) ? (constraints === false ? true : constraints) : false;
  const receive = new Set<TrackKind>();
  if (booleanOption(params.receiveAudio, 'receiveAudio', true)) receive.add('audio');
  if (booleanOption(params.receiveVideo, 'receiveVideo', true)) receive.add('video');
  return {
    microphone: send(audio, params.sendAudio, 'sendAudio'),
    camera: send(video, params.sendVideo, 'sendVideo'),
    receive,
  };
}
