import { expect } from '@open-wc/testing';
import {
  MEDIA_ERROR_NAMES,
  ParticipantDuplicateIdentityError,
  RoomError,
  RoomMaxParticipantsExceededError,
  RoomNotFoundError,
  SignalingConnectionError,
  createRoomError,
  isMediaError,
} from '../../src/errors/errors.js';
import { toRoomError, type FailureContext } from '../../src/janus/errors.js';
import { JanusFailure } from '../../src/janus/janus-client.js';

const context: FailureContext = { phase: 'join', server: 'ws://janus.test', room: 'standup' };

describe('error classes', () => {
  it('carry the documented name, code and message, and survive minification', () => {
    const error = new RoomNotFoundError();
    expect(error).to.be.instanceOf(Error).and.instanceOf(RoomError).and.instanceOf(RoomNotFoundError);
    expect(error).to.include({ name: 'RoomNotFoundError', code: 53106, message: 'Room not found' });
    expect(RoomNotFoundError.name).to.equal('RoomNotFoundError');
    expect(RoomNotFoundError.code).to.equal(53106);
    expect(new SignalingConnectionError('x', { attribute: 'server' }).attribute).to.equal('server');
  });

  it('are created from a code like twilio-video.js does', () => {
    expect(createRoomError(53105)).to.be.instanceOf(RoomMaxParticipantsExceededError);
    const unknown = createRoomError(12345, 'odd');
    expect(unknown).to.be.instanceOf(RoomError);
    expect(unknown).to.include({ code: 12345, message: 'odd' });
  });

  it("keep the browser's media error names", () => {
    expect(MEDIA_ERROR_NAMES).to.deep.equal([
      'NotAllowedError',
      'NotFoundError',
      'NotReadableError',
      'OverconstrainedError',
      'TypeError',
    ]);
    expect(isMediaError(new DOMException('no', 'NotAllowedError'))).to.equal(true);
    expect(isMediaError(new RoomNotFoundError())).to.equal(false);
  });
});

describe('Janus failures map onto the documented errors', () => {
  const cases: Array<[JanusFailure, Partial<FailureContext>, string, number]> = [
    [new JanusFailure('connect', 'Error connecting to the Janus WebSockets server: Is the server down?'), { phase: 'connect' }, 'SignalingConnectionError', 53000],
    [new JanusFailure('timeout', 'no answer'), { phase: 'connect' }, 'SignalingConnectionError', 53000],
    [new JanusFailure('timeout', 'join request timed out'), {}, 'SignalingConnectionTimeoutError', 53002],
    [new JanusFailure('transport', 'Is the server down? (connected=false)'), {}, 'SignalingConnectionDisconnectedError', 53001],
    [new JanusFailure('core', 'Unauthorized request (wrong or missing secret/token)', 403), {}, 'AccessTokenInvalidError', 20101],
    [new JanusFailure('core', 'Currently not accepting new sessions', 472), {}, 'SignalingServerBusyError', 53006],
    [new JanusFailure('plugin', 'No such room (standup)', 426), {}, 'RoomNotFoundError', 53106],
    [new JanusFailure('plugin', 'Maximum number of publishers (1) reached', 432), { phase: 'publish' }, 'RoomMaxParticipantsExceededError', 53105],
    [new JanusFailure('plugin', 'User ID x already exists', 436), {}, 'ParticipantDuplicateIdentityError', 53205],
    [new JanusFailure('plugin', 'Unauthorized (wrong pin)', 433), {}, 'RoomConnectFailedError', 53104],
    [new JanusFailure('plugin', 'Missing mandatory element (pin)', 429), {}, 'RoomConnectFailedError', 53104],
    [new JanusFailure('plugin', 'No such feed (x)', 428), { phase: 'subscribe' }, 'TrackInvalidError', 53300],
    [new JanusFailure('plugin', 'Audio codec unavailable in this room', 430), { phase: 'publish' }, 'MediaNoSupportedCodecError', 53404],
    [new JanusFailure('plugin', 'Invalid SDP', 437), { phase: 'publish' }, 'MediaServerRemoteDescFailedError', 53403],
    [new JanusFailure('plugin', 'Unknown request', 423), {}, 'SignalingOutgoingMessageInvalidError', 53004],
    [new JanusFailure('webrtc', 'InvalidAccessError: bad offer'), { phase: 'answer' }, 'MediaClientRemoteDescFailedError', 53402],
    [new JanusFailure('webrtc', 'OperationError: no'), { phase: 'publish' }, 'MediaClientLocalDescFailedError', 53400],
    [new JanusFailure('media', 'not connected within 10000 ms'), { phase: 'publish' }, 'MediaConnectionError', 53405],
    [new JanusFailure('connect', 'API call failed: [object Object]'), { phase: 'connect' }, 'SignalingConnectionError', 53000],
  ];
  for (const [failure, overrides, name, code] of cases) {
    it(`${failure.kind} ${failure.janusCode ?? ''} (${failure.message}) -> ${name}`, () => {
      const error = toRoomError(failure, { ...context, ...overrides }) as RoomError;
      expect(error).to.include({ name, code });
      expect(error.cause).to.equal(failure);
      // "<Twilio's message>: <what went wrong>. <What to do>."
      expect(error.message).to.match(/^[^:]+: .+\. [A-Z][^]*\.$/);
      expect(error.message).to.not.contain('[object Object]');
    });
  }

  it("says in plain words when the server is not Janus, and what to do", () => {
    const http = toRoomError(new JanusFailure('connect', 'API call failed: [object Object]'), { ...context, phase: 'connect' });
    expect(http.message).to.equal(
      "Signaling connection error: ws://janus.test answered, but not as the Janus HTTP API. Check that the server attribute is the URL of Janus's API (usually http://host:8088/janus, or ws://host:8188).",
    );
    const down = toRoomError(new JanusFailure('connect', 'Probably a network error, is the server down?: Failed to fetch'), { ...context, phase: 'connect' });
    expect(down.message).to.contain('nothing answered at ws://janus.test. Check that Janus is running');
  });

  it('names the server and the room in the message', () => {
    expect(toRoomError(new JanusFailure('connect', 'refused'), { ...context, phase: 'connect' }).message).to.contain(
      'ws://janus.test',
    );
    const notFound = toRoomError(new JanusFailure('plugin', 'No such room', 426), context) as RoomError;
    expect(notFound.message).to.contain('"standup"');
    expect(notFound.attribute).to.equal('room');
  });

  it('passes documented and media errors through unchanged', () => {
    const duplicate = new ParticipantDuplicateIdentityError();
    expect(toRoomError(duplicate, context)).to.equal(duplicate);
    const denied = new DOMException('Permission denied', 'NotAllowedError');
    expect(toRoomError(denied, context)).to.equal(denied);
  });
});
