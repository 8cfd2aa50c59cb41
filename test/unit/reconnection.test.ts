import { expect } from '@open-wc/testing';
import type { PublisherEntry } from '../../src/janus/videoroom/protocol.js';
import { parseJoined, parseParticipantEvent } from '../../src/janus/videoroom/protocol.js';
import { Reconnection, pauseBefore, type ReconnectionHooks } from '../../src/room/reconnection.js';
import {
  EMPTY_ROSTER,
  carriedOver,
  duplicateIdentity,
  reduceRoster,
  resynced,
  withMember,
  withoutReconnecting,
} from '../../src/room/roster.js';

const self = 'me';
const bob: PublisherEntry = { id: 'b', display: 'Bob', streams: [{ type: 'video', mid: '1', disabled: false }] };
const joined = reduceRoster(withMember(EMPTY_ROSTER, self, 'Me', true), { type: 'publishers', publishers: [bob] }, self);

/** Hooks that record what happened, with tries that fail until `succeedOn` (never by default). */
function recorder(succeedOn = Infinity) {
  const seen: string[] = [];
  let tries = 0;
  let settle: () => void = () => {};
  const settled = new Promise<void>((resolve) => (settle = resolve));
  const hooks: ReconnectionHooks = {
    attempt: async () => {
      tries++;
      if (tries < succeedOn) throw new Error(`try ${tries} failed`);
    },
    started: (error) => seen.push(`started: ${error.message}`),
    succeeded: () => {
      seen.push('succeeded');
      settle();
    },
    gaveUp: (error) => {
      seen.push(`gave up: ${error.name} ${(error as Error & { code: number }).code}`);
      settle();
    },
  };
  return { hooks, seen, settled, tries: () => tries };
}

describe('the reconnection loop', () => {
  it('pauses 0, 0.5, 1, 2 and 4 s between tries, then 5 s', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map(pauseBefore)).to.deep.equal([0, 500, 1000, 2000, 4000, 5000, 5000]);
  });

  it('announces once, and succeeds on the try that works', async () => {
    const { hooks, seen, settled, tries } = recorder(2);
    const loop = new Reconnection(hooks);
    loop.start('signaling', new Error('lost'), 5000);
    loop.start('media', new Error('again'), 5000);
    await settled;
    expect(seen).to.deep.equal(['started: lost', 'succeeded']);
    expect(tries()).to.equal(2);
    expect(loop.running).to.equal(false);
  });

  it('gives up after the window with the error of what broke: 53001 for signaling, 53405 for media', async () => {
    for (const [trouble, code] of [['signaling', 53001], ['media', 53405]] as const) {
      const { hooks, seen, settled, tries } = recorder();
      new Reconnection(hooks).start(trouble, new Error('broke'), 1200);
      await settled;
      expect(seen[1]).to.equal(`gave up: ${code === 53001 ? 'SignalingConnectionDisconnectedError' : 'MediaConnectionError'} ${code}`);
      // Tries at 0 and 0.5 s; a third, 1 s later, would start past the 1.2 s window.
      expect(tries()).to.equal(2);
    }
  });

  it('a media failure that turns out to be signaling gives up with 53001', async () => {
    const { hooks, seen, settled } = recorder();
    const loop = new Reconnection(hooks);
    loop.start('media', new Error('pc failed'), 600);
    loop.start('signaling', new Error('socket closed'), 600);
    await settled;
    expect(seen[1]).to.equal('gave up: SignalingConnectionDisconnectedError 53001');
  });

  it('stops at once when the join ends, and a window of 0 gives up without trying', async () => {
    const { hooks, seen, tries } = recorder();
    const loop = new Reconnection(hooks);
    loop.start('media', new Error('x'), 60_000);
    loop.stop();
    // Nothing announces that nothing happens: wait past the second try's time (0.5 s).
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(seen).to.deep.equal(['started: x']);
    expect(tries()).to.be.at.most(1);
    const zero = recorder();
    new Reconnection(zero.hooks).start('signaling', new Error('y'), 0);
    await zero.settled;
    expect(zero.tries()).to.equal(0);
  });
});

describe('the roster across a Janus restart', () => {
  it('keeps the others as reconnecting, with what they published, until Janus shows them again', () => {
    const carried = carriedOver(joined, self);
    expect(carried.get('b')?.reconnecting).to.equal(true);
    expect(carried.get('b')?.streams.size).to.equal(1);
    expect(carried.get(self)?.reconnecting).to.equal(undefined);
    const back = reduceRoster(carried, { type: 'publishers', publishers: [bob] }, self);
    expect(back.get('b')?.reconnecting).to.equal(undefined);
    expect(withoutReconnecting(carried).has('b')).to.equal(false);
    expect(withoutReconnecting(back).has('b')).to.equal(true);
  });

  it('catches up after a claim with who left and who joined without media, or says a rejoin is needed', () => {
    const caught = resynced(joined, [{ id: self, display: 'Me', publisher: false }, { id: 'b', display: 'Bob', publisher: true }, { id: 'c', display: 'Carol', publisher: false }], self);
    expect([...caught!.keys()]).to.deep.equal([self, 'b', 'c']);
    expect([...resynced(joined, [{ id: self, display: 'Me', publisher: false }], self)!.keys()]).to.deep.equal([self]);
    // Someone started publishing meanwhile: only a new join describes their streams.
    expect(resynced(joined, [{ id: 'b', display: 'Bob', publisher: true }, { id: 'd', display: 'Dan', publisher: true }], self)).to.equal(undefined);
    expect(resynced(joined, [{ id: 'b', display: 'Bob', publisher: false }], self)).to.equal(undefined);
  });

  it('tells the older member of a duplicate identity, not the newer one, and never about shares', () => {
    const newcomer = (id: string, display: string) => ({ type: 'joining' as const, attendee: { id, display } });
    expect(duplicateIdentity(joined, newcomer('x', 'Me'), 'Me', self)).to.equal(true);
    expect(duplicateIdentity(joined, newcomer('x', 'Someone'), 'Me', self)).to.equal(false);
    expect(duplicateIdentity(joined, newcomer('b', 'Me'), 'Me', self), 'a member already known').to.equal(false);
    expect(duplicateIdentity(joined, newcomer('x.screen.0a1b2c3d', 'Me'), 'Me', self), "someone's screen share").to.equal(false);
  });
});

describe('untrusted room events', () => {
  it('ignores (and logs) malformed ids, oversized names and lists that are not lists', () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      expect(parseParticipantEvent({ videoroom: 'event', leaving: { id: 'b' } })).to.equal(undefined);
      expect(parseParticipantEvent({ videoroom: 'event', joining: 'Mallory' })).to.equal(undefined);
      expect(parseParticipantEvent({ videoroom: 'talking', id: ['x'] })).to.equal(undefined);
      const publishers = parseParticipantEvent({
        videoroom: 'event',
        publishers: [{ id: 'ok', display: 'Fine', streams: [] }, { id: 'long', display: 'x'.repeat(300), streams: [] }, 'junk'],
      });
      expect(publishers).to.deep.equal({ type: 'publishers', publishers: [{ id: 'ok', display: 'Fine', streams: [] }] });
      expect(parseParticipantEvent({ videoroom: 'event', publishers: 'nope' })).to.deep.equal({ type: 'publishers', publishers: [] });
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(6);
    expect(warnings.every((w) => w.includes('SignalingIncomingMessageInvalidError (53003)'))).to.equal(true);
  });

  it('refuses a join answer without a private_id with SignalingIncomingMessageInvalidError', () => {
    expect(() => parseJoined({ videoroom: 'joined', id: 'me' })).to.throw(/private_id/).with.property('code', 53003);
    expect(parseJoined({ videoroom: 'joined', private_id: 7, description: 'Room' }).privateId).to.equal(7);
  });
});
