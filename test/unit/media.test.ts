import { expect } from '@open-wc/testing';
import { AudioOutput } from '../../src/controllers/audio-output.js';
import type { SubscriptionStream } from '../../src/janus/videoroom/protocol.js';
import { levelOf } from '../../src/media/audio-level.js';
import { LocalMedia } from '../../src/media/local-media.js';
import { streamOf } from '../../src/media/track-stream.js';
import { EMPTY_ROSTER, reduceRoster, withMember } from '../../src/room/roster.js';
import { resolveTracks } from '../../src/room/subscriptions.js';
import { videoTrack } from './fake-room.js';

describe('levelOf', () => {
  it('reads silence as 0, full scale as 1, and speech-like levels in between on a log scale', () => {
    expect(levelOf(new Float32Array(512))).to.equal(0);
    expect(levelOf(new Float32Array(512).fill(1))).to.equal(1);
    expect(levelOf(new Float32Array(512).fill(0.0005))).to.equal(0); // -66 dBFS: below the floor
    expect(levelOf(new Float32Array(512).fill(0.1))).to.be.closeTo(2 / 3, 0.001); // -20 dBFS
  });
});

describe('resolveTracks', () => {
  const roster = reduceRoster(
    withMember(EMPTY_ROSTER, 'me', 'Me', true),
    { type: 'publishers', publishers: [{ id: 'b', display: 'Bob', streams: [{ type: 'video', mid: '1', disabled: false }] }] },
    'me',
  );
  const stream = (mid: string, feedId: string, feedMid: string, active = true): [string, SubscriptionStream] => [mid, { mid, type: 'video', active, feedId, feedMid, simulcast: false }];

  it("attributes a received track to its publisher through Janus's description of the subscription", () => {
    const track = videoTrack();
    const tracks = resolveTracks(new Map([stream('s0', 'b', '1')]), new Map([['s0', track]]), roster);
    expect(tracks.get('b')?.get('1')).to.equal(track);
  });

  it('drops tracks of inactive streams, unknown or unpublished feeds, and ended tracks', () => {
    const ended = videoTrack();
    ended.stop();
    const received = new Map([
      ['s0', videoTrack()],
      ['s1', videoTrack()],
      ['s2', videoTrack()],
      ['s3', ended],
    ]);
    const subscription = new Map([stream('s0', 'b', '1', false), stream('s1', 'gone', '1'), stream('s2', 'b', '9'), stream('s3', 'b', '1')]);
    expect(resolveTracks(subscription, received, roster).size).to.equal(0);
  });
});

describe('AudioOutput', () => {
  /** A media element whose play() succeeds or fails as told. */
  function element(allowed: () => boolean) {
    const audio = document.createElement('audio') as HTMLAudioElement & { sinks: string[] };
    audio.sinks = [];
    audio.play = () => (allowed() ? Promise.resolve() : Promise.reject(new DOMException('no', 'NotAllowedError')));
    Object.defineProperty(audio, 'sinkId', { get: () => audio.sinks.at(-1) ?? '' });
    audio.setSinkId = async (id: string) => void audio.sinks.push(id);
    return audio;
  }

  it('reports held-back audio once, plays it all on startAudio(), and tells each element', async () => {
    let allowed = false;
    const changes: boolean[] = [];
    const output = new AudioOutput({ blockedChange: (b) => changes.push(b), error: () => {} });
    const [a, b] = [element(() => allowed), element(() => allowed)];
    const held = { a: false, b: false };
    output.register(a, (h) => (held.a = h));
    output.register(b, (h) => (held.b = h));
    output.play(a);
    output.play(b);
    await Promise.resolve();
    await Promise.resolve();
    expect(output.blocked).to.equal(true);
    expect(changes).to.deep.equal([true]);
    expect(held).to.deep.equal({ a: true, b: true });
    allowed = true;
    await output.startAudio();
    expect(output.blocked).to.equal(false);
    expect(changes).to.deep.equal([true, false]);
    expect(held).to.deep.equal({ a: false, b: false });
  });

  it('sends every element, and each new one, to the chosen speaker, and reports failures', async () => {
    const errors: Error[] = [];
    const output = new AudioOutput({ blockedChange: () => {}, error: (e) => errors.push(e) });
    const a = element(() => true);
    output.register(a);
    output.setSinkId('speaker-2');
    const b = element(() => true);
    output.register(b);
    expect(a.sinks).to.deep.equal(['speaker-2']);
    expect(b.sinks).to.deep.equal(['speaker-2']);
    const failing = element(() => true);
    failing.setSinkId = () => Promise.reject(new DOMException('gone', 'NotFoundError'));
    output.register(failing);
    await Promise.resolve();
    expect(errors.map((e) => e.name)).to.deep.equal(['NotFoundError']);
  });
});

describe('LocalMedia when a track ends', () => {
  it('reports a lost device and falls back to the default one', async () => {
    const media = new LocalMedia();
    const holder = {};
    media.hold(holder);
    after(() => media.release(holder));
    await media.acquire({ camera: true });
    const first = media.track('camera')!;
    const lost = new Promise<{ source: string }>((resolve) => media.events.on('deviceLost', resolve));
    const replaced = new Promise<MediaStreamTrack>((resolve) => media.events.on('track', ({ track }) => track && resolve(track)));
    // What the browser does when a camera is unplugged.
    first.dispatchEvent(new Event('ended'));
    expect((await lost).source).to.equal('camera');
    const next = await replaced;
    expect(next).to.not.equal(first);
    expect(next.readyState).to.equal('live');
  });

  it("neither reports nor replaces the page's own track: no device is turned on unasked", async () => {
    const media = new LocalMedia();
    const holder = {};
    media.hold(holder);
    after(() => media.release(holder));
    const pageTrack = videoTrack();
    media.useStream(new MediaStream([pageTrack]));
    const events: string[] = [];
    media.events.on('*', (type) => events.push(String(type)));
    let captures = 0;
    const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = (constraints) => {
      captures++;
      return getUserMedia(constraints);
    };
    after(() => {
      navigator.mediaDevices.getUserMedia = getUserMedia;
    });
    pageTrack.dispatchEvent(new Event('ended'));
    // Captures run in order: one asking for nothing settles after any the ending queued.
    await media.acquire({});
    expect(media.track('camera')).to.equal(null);
    expect(events).to.deep.equal(['track']);
    expect(captures).to.equal(0);
  });
});

describe('streamOf', () => {
  it('wraps a track in one stream, the same every time (Chrome keeps every stream a track was put in)', () => {
    const track = new AudioContext().createMediaStreamDestination().stream.getTracks()[0]!;
    const first = streamOf(track);
    expect(first.getTracks()).to.deep.equal([track]);
    expect(streamOf(track)).to.equal(first);
    // A page that added a track to the wrapper gets a clean one again.
    first.addTrack(new AudioContext().createMediaStreamDestination().stream.getTracks()[0]!);
    expect(streamOf(track)).to.not.equal(first);
    expect(streamOf(track).getTracks()).to.deep.equal([track]);
  });
});
