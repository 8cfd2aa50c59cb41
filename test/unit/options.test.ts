import { expect } from '@open-wc/testing';
import { RoomError } from '../../src/errors/errors.js';
import { DEFAULT_TIMEOUT, demandPolicy, planJoin, resolveOptions } from '../../src/room/options.js';
import type { JoinOptions, RoomSessionOptions } from '../../src/room/types.js';

const valid: RoomSessionOptions = { server: 'ws://127.0.0.1:8188', room: 'standup', identity: 'Alice' };

function failure(options: Partial<RoomSessionOptions>): RoomError {
  try {
    resolveOptions({ ...valid, ...options } as RoomSessionOptions);
  } catch (error) {
    return error as RoomError;
  }
  throw new Error('expected resolveOptions to throw');
}

describe('join options', () => {
  it('fills in the defaults', () => {
    expect(resolveOptions(valid)).to.deep.equal({
      ...valid,
      audio: true,
      video: true,
      create: true,
      iceServers: [],
      timeout: DEFAULT_TIMEOUT,
      reconnectWindow: 30_000,
      maxPublishers: 16,
      stopCameraWhileMuted: true,
      stopMicrophoneWhileMuted: true,
      // Headless desktop Chromium: not a mobile browser.
      stopCameraInBackground: false,
      simulcast: true,
    });
  });

  it('rejects a reconnectWindow that is not a number of milliseconds', () => {
    expect(() => resolveOptions({ ...valid, reconnectWindow: -1 })).to.throw(RangeError, /"reconnectWindow" option must be a number of milliseconds/);
    expect(() => resolveOptions({ ...valid, reconnectWindow: Number.NaN })).to.throw(RangeError, /reconnectWindow/);
    expect(resolveOptions({ ...valid, reconnectWindow: 0 }).reconnectWindow).to.equal(0);
  });

  it("rejects a bandwidthProfile switch that is neither auto nor manual, and reads Twilio's names", () => {
    expect(() => resolveOptions({ ...valid, bandwidthProfile: { video: { clientTrackSwitchOffControl: 'off' as never } } })).to.throw(
      RangeError,
      /clientTrackSwitchOffControl must be "auto" or "manual", not "off"/,
    );
    expect(() => resolveOptions({ ...valid, bandwidthProfile: 'low' as never })).to.throw(RangeError, /must be an object/);
    expect(demandPolicy(undefined)).to.deep.equal({ autoSwitchOff: true, autoLayers: true });
    expect(demandPolicy({ video: { clientTrackSwitchOffControl: 'manual', contentPreferencesMode: 'manual' } })).to.deep.equal({ autoSwitchOff: false, autoLayers: false });
  });

  const cases: Array<[string, Partial<RoomSessionOptions>, string, number, string]> = [
    ['no server', { server: '' }, 'SignalingConnectionError', 53000, 'server'],
    ['a server that is not a URL', { server: 'janus.example.com' }, 'SignalingConnectionError', 53000, 'server'],
    ['a server with another scheme', { server: 'ftp://janus.example.com' }, 'SignalingConnectionError', 53000, 'server'],
    ['no room', { room: '' }, 'RoomNameInvalidError', 53100, 'room'],
    ['a blank room', { room: '   ' }, 'RoomNameInvalidError', 53100, 'room'],
    ['a room name over 128 characters', { room: 'r'.repeat(129) }, 'RoomNameTooLongError', 53101, 'room'],
    ['a room name with control characters', { room: 'a\nb' }, 'RoomNameCharsInvalidError', 53102, 'room'],
    ['no identity', { identity: '' }, 'ParticipantIdentityInvalidError', 53200, 'identity'],
    ['an identity over 128 characters', { identity: 'x'.repeat(129) }, 'ParticipantIdentityTooLongError', 53201, 'identity'],
    ['an identity with control characters', { identity: 'bad\u0000name' }, 'ParticipantIdentityCharsInvalidError', 53202, 'identity'],
  ];
  for (const [what, options, name, code, attribute] of cases) {
    it(`rejects ${what} with ${name}, naming the "${attribute}" attribute`, () => {
      const error = failure(options);
      expect(error).to.include({ name, code, attribute });
      expect(error.message).to.contain(`"${attribute}" attribute`);
    });
  }

  it('accepts any printable name, markup included (it is rendered as text)', () => {
    expect(resolveOptions({ ...valid, identity: '<img src=x onerror=alert(1)> 🎉' }).identity).to.equal(
      '<img src=x onerror=alert(1)> 🎉',
    );
  });

  it('rejects a timeout that is not a positive number', () => {
    expect(() => resolveOptions({ ...valid, timeout: 0 })).to.throw(RangeError, '"timeout"');
    expect(() => resolveOptions({ ...valid, timeout: Number.NaN })).to.throw(RangeError, '"timeout"');
  });

  it('rejects media options of the wrong type, naming them', () => {
    const bad = (options: Record<string, unknown>) => () => resolveOptions({ ...valid, ...options } as RoomSessionOptions);
    expect(bad({ audio: 'yes' })).to.throw(RangeError, '"audio" option must be true, false or MediaTrackConstraints');
    expect(bad({ video: [] })).to.throw(RangeError, '"video"');
    expect(bad({ stopCameraWhileMuted: 1 })).to.throw(RangeError, '"stopCameraWhileMuted" option must be true or false');
    expect(bad({ localStream: {} })).to.throw(RangeError, '"localStream" option must be a MediaStream');
  });
});

describe('join() parameters', () => {
  const options = resolveOptions(valid);

  it('default to the options: send what is captured, receive everything', () => {
    const plan = planJoin(options);
    expect(plan).to.deep.include({ microphone: true, camera: true });
    expect([...plan.receive]).to.have.members(['audio', 'video']);
  });

  it('apply to one join: constraints, nothing to send, nothing to receive', () => {
    const camera = { deviceId: { exact: 'x' } };
    const plan = planJoin(options, { video: camera, sendAudio: false, receiveVideo: false });
    expect(plan).to.deep.include({ microphone: false, camera });
    expect([...plan.receive]).to.deep.equal(['audio']);
    expect(planJoin(resolveOptions({ ...valid, audio: false }))).to.deep.include({ microphone: false });
    expect(planJoin(resolveOptions({ ...valid, audio: false }), { sendAudio: true }), 'sendAudio asks for the default microphone').to.deep.include({ microphone: true });
  });

  it('reject parameters of the wrong type, naming them', () => {
    expect(() => planJoin(options, { audio: 1 } as unknown as JoinOptions)).to.throw(RangeError, '"audio"');
    expect(() => planJoin(options, { receiveAudio: 'no' } as unknown as JoinOptions)).to.throw(RangeError, '"receiveAudio" option must be true or false');
    expect(() => planJoin(options, 'video' as unknown as JoinOptions)).to.throw(RangeError, 'join() takes an object');
  });
});
