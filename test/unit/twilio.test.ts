// The Twilio drop-in's pure parts, without Janus: errors and their codes, the logger's levels,
// local tracks on a canvas capture (attach, detach, enable, stop), the emitter, and bad input to
// connect() refused before any device is touched. End-to-end runs are in test/secure/twilio-*.
import { expect } from '@open-wc/testing';
import * as Twilio from '../../src/twilio/index.js';
import { LocalVideoTrack, Logger, Room, RoomNotFoundError, TwilioError, connect, setLogLevel } from '../../src/twilio/index.js';
import { NodeEmitter } from '../../src/util/node-emitter.js';
import { RoomSession } from '../../src/room/room-session.js';
import { LocalParticipant } from '../../src/twilio/participants.js';
import { warnOnce } from '../../src/util/warn.js';
import { rejection } from '../support/helpers.js';

// Every error class the Twilio classes seed lists (twilio-video-classes-and-events.txt).
const SEED_ERRORS = `AccessTokenExpiredError AccessTokenGrantsInvalidError AccessTokenHeaderInvalidError AccessTokenInvalidError
AccessTokenIssuerInvalidError AccessTokenNotYetValidError AccessTokenSignatureInvalidError ConfigurationAcquireFailedError
ConfigurationAcquireTurnFailedError MediaClientLocalDescFailedError MediaClientRemoteDescFailedError MediaConnectionError
MediaNoSupportedCodecError MediaServerLocalDescFailedError MediaServerRemoteDescFailedError ParticipantDuplicateIdentityError
ParticipantIdentityCharsInvalidError ParticipantIdentityInvalidError ParticipantIdentityTooLongError ParticipantMaxTracksExceededError
ParticipantNotFoundError RoomCompletedError RoomConnectFailedError RoomCreateFailedError RoomInvalidParametersError
RoomMaxParticipantsExceededError RoomMaxParticipantsOutOfRangeError RoomMediaRegionInvalidError RoomMediaRegionUnavailableError
RoomNameCharsInvalidError RoomNameInvalidError RoomNameTooLongError RoomNotFoundError RoomRoomExistsError RoomStatusCallbackInvalidError
RoomStatusCallbackMethodInvalidError RoomStatusInvalidError RoomSubscriptionOperationNotSupportedError RoomTimeoutOutOfRangeError
RoomTypeInvalidError SignalingConnectionDisconnectedError SignalingConnectionError SignalingConnectionTimeoutError
SignalingIncomingMessageInvalidError SignalingOutgoingMessageInvalidError TrackInvalidError TrackNameCharsInvalidError
TrackNameInvalidError TrackNameIsDuplicatedError TrackNameTooLongError TrackServerTrackCapacityReachedError`.split(/\s+/);

/** A room token as the room service's would read (unsigned: the client never checks signatures). */
function roomToken(claims: Record<string, unknown> = {}): string {
  const part = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  const body = { sub: 'Alice', room: 'my-cool-room', permissions: [], interactivity_mode: 'member', exp: Date.now() / 1000 + 600, janus: 'ws://127.0.0.1:1', service: 'http://127.0.0.1:1', ...claims };
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(body)}.c2ln`;
}

function canvasTrack(): MediaStreamTrack {
  const canvas = document.createElement('canvas');
  canvas.width = 64;
  canvas.height = 48;
  canvas.getContext('2d')!.fillRect(0, 0, 64, 48);
  return canvas.captureStream(5).getVideoTracks()[0]!;
}

function spyWarnings(): { lines: string[]; restore(): void } {
  const original = console.warn;
  const lines: string[] = [];
  console.warn = (...args: unknown[]) => lines.push(args.map(String).join(' '));
  return { lines, restore: () => (console.warn = original) };
}

describe('the Twilio drop-in without Janus', () => {
  it('exports every error class of the seed, each a TwilioError with its code', () => {
    const exported = Twilio as unknown as Record<string, { code?: number; new (): Error }>;
    for (const name of SEED_ERRORS) {
      const ErrorClass = exported[name];
      expect(ErrorClass, name).to.be.a('function');
      const error = new ErrorClass!() as Error & { code: number };
      expect(error).to.be.instanceOf(TwilioError);
      expect(error.name).to.equal(name);
      expect(error.code).to.be.within(20000, 53999);
    }
    expect(new RoomNotFoundError().code).to.equal(53106);
  });

  it("Logger: 'twilio-video' is the library's log; silent silences its warnings, and bad levels are refused", () => {
    const warnings = spyWarnings();
    try {
      expect(Logger.getLogger('twilio-video')).to.equal(Logger.getLogger('janus-room-elements'));
      setLogLevel('silent');
      warnOnce('unit: said while silent');
      expect(warnings.lines).to.deep.equal([]);
      Logger.getLogger('twilio-video').setLevel('warn');
      warnOnce('unit: said at warn');
      expect(warnings.lines).to.deep.equal(['janus-room-elements: unit: said at warn']);
      expect(() => setLogLevel('loud' as never)).to.throw(RangeError, /trace, debug, info, warn, error, silent/);
    } finally {
      setLogLevel('warn');
      warnings.restore();
    }
  });

  it('local tracks: attach plays in a new or given element, detach returns them, enable/disable and stop say so', () => {
    const track = new LocalVideoTrack(canvasTrack(), { name: 'camera' });
    const events: string[] = [];
    for (const name of ['enabled', 'disabled', 'stopped']) track.on(name, (t: unknown) => events.push(`${name}:${t === track}`));
    const created = track.attach() as HTMLVideoElement;
    expect(created.tagName).to.equal('VIDEO');
    expect((created.srcObject as MediaStream).getVideoTracks()[0]).to.equal(track.mediaStreamTrack);
    const given = document.createElement('video');
    expect(track.attach(given)).to.equal(given);
    expect(() => track.attach('#no-such-element')).to.throw(RangeError);
    expect(track.detach()).to.have.members([created, given]);
    expect(given.srcObject).to.equal(null);
    expect(track.name).to.equal('camera');
    track.disable();
    expect(track.mediaStreamTrack.enabled).to.equal(false);
    track.enable();
    expect(() => track.enable('yes' as never)).to.throw(RangeError);
    track.stop();
    expect(track.isStopped).to.equal(true);
    expect(track.mediaStreamTrack.readyState).to.equal('ended');
    expect(events).to.deep.equal(['disabled:true', 'enabled:true', 'stopped:true']);
  });

  it('the emitter passes every argument; once fires once and off removes it', () => {
    const emitter = new NodeEmitter();
    const seen: unknown[][] = [];
    const once = (...args: unknown[]) => seen.push(['once', ...args]);
    emitter.once('e', once);
    emitter.on('e', (...args: unknown[]) => seen.push(['on', ...args]));
    emitter.emit('e', 1, 2);
    emitter.emit('e', 3, 4);
    emitter.once('f', once).off('f', once);
    expect(emitter.emit('f')).to.equal(false);
    expect(seen).to.deep.equal([['once', 1, 2], ['on', 1, 2], ['on', 3, 4]]);
    expect(emitter.listenerCount('e')).to.equal(1);
  });

  it('connect() refuses a bad token and bad options with typed errors, before touching a device', async () => {
    const asked: unknown[] = [];
    const original = navigator.mediaDevices.getUserMedia;
    navigator.mediaDevices.getUserMedia = (constraints?: MediaStreamConstraints) => {
      asked.push(constraints);
      return original.call(navigator.mediaDevices, constraints);
    };
    try {
      const badToken = (await rejection(connect('not-a-token'))) as Error & { code?: number };
      expect(badToken.name).to.equal('AccessTokenInvalidError');
      expect(badToken.code).to.equal(20101);
      expect(await rejection(connect(roomToken(), { notifyWarnings: ['media-lost'] }))).to.be.instanceOf(RangeError);
      expect(await rejection(connect(roomToken(), { tracks: 'camera' as never }))).to.be.instanceOf(TypeError);
      expect(asked).to.deep.equal([]);
    } finally {
      navigator.mediaDevices.getUserMedia = original;
    }
  });

  it('connect() says once, with the reason, which options Janus does not honour; an unreachable server is a coded error', async () => {
    const warnings = spyWarnings();
    try {
      const error = (await rejection(connect(roomToken(), { tracks: [], preferredVideoCodecs: ['VP8'], region: 'de1', madeUp: 1 }))) as Error & { code?: number };
      expect(error.code, error.message).to.be.a('number');
      expect(warnings.lines.some((l) => l.includes('"preferredVideoCodecs" option is not honoured on Janus: the room\'s video codecs are set when Janus creates it'))).to.equal(true);
      expect(warnings.lines.some((l) => l.includes('"region" option is not honoured on Janus'))).to.equal(true);
      expect(warnings.lines.some((l) => l.includes('"madeUp" option is not known'))).to.equal(true);
    } finally {
      warnings.restore();
    }
  });

  it('setNetworkQualityConfiguration checks its verbosity levels', () => {
    const participant = new LocalParticipant(new RoomSession({ server: '', room: '', identity: '' }), 'sid', 'Alice');
    expect(() => participant.setNetworkQualityConfiguration({ local: 9 })).to.throw(RangeError);
    participant.setNetworkQualityConfiguration({ local: 2, remote: 1 });
    expect(participant.networkQualityConfiguration).to.deep.equal({ local: 2, remote: 1 });
  });

  it("RoomSession: localOverlay's mirror reaches the snapshot; remoteStream is undefined until joined", () => {
    const session = new RoomSession({ server: '', room: '', identity: '' });
    expect(session.snapshot.self.mirrored).to.equal(true);
    session.localOverlay.setMirror(false);
    expect(session.snapshot.self.mirrored).to.equal(false);
    expect(() => session.localOverlay.setMirror('no' as never)).to.throw(RangeError);
    expect(session.remoteStream).to.equal(undefined);
    expect(session.snapshot.self.overlay).to.equal(true);
    session.options = { ...session.options, applyLocalVideoOverlay: false };
    expect(session.snapshot.self.overlay).to.equal(false);
  });

  it('recording-media-lost: raised only while the room is recorded and when asked for, once, and cleared when media comes back or the recording ends', () => {
    const session = new RoomSession({ server: '', room: '', identity: '' });
    const emit = session.events.emit as (type: string, event: unknown) => void;
    const watch = (notifyWarnings: string[]) => {
      const room = new Room(session, [], { dominantSpeaker: false, networkQuality: false, notifyWarnings, ownTracks: [] });
      const publication = room.localParticipant.published(new LocalVideoTrack(canvasTrack()), 'me:1');
      const seen: string[] = [];
      publication.on('warning', (name: string) => seen.push(name));
      publication.on('warningsCleared', () => seen.push('cleared'));
      return seen;
    };
    const asked = watch(['recording-media-lost']);
    const notAsked = watch([]);
    const media = (receiving: boolean) => emit('publishedMedia', { source: 'camera', trackSid: 'me:1', receiving });
    media(false);
    expect(asked).to.deep.equal([]);
    emit('recordingStarted', { recording: {} });
    media(false);
    media(false);
    media(true);
    media(false);
    emit('recordingEnded', { recording: {} });
    expect(asked).to.deep.equal(['recording-media-lost', 'cleared', 'recording-media-lost', 'cleared']);
    expect(notAsked).to.deep.equal([]);
  });
});
