import { expect } from '@open-wc/testing';
import { Connection, nextMediaUp, type Attempt, type ConnectionHooks, type Left } from '../../src/room/connection.js';
import { rejection } from '../support/helpers.js';

/** Hooks that record what the connection asks for; `connect` runs the given steps. */
function harness(connect: (attempt: Attempt, run: number) => Promise<void> = async () => {}) {
  const log: string[] = [];
  let runs = 0;
  let started: () => void = () => {};
  let connecting = new Promise<void>((resolve) => (started = resolve));
  const hooks: ConnectionHooks = {
    connect: (attempt) => {
      started();
      connecting = new Promise<void>((resolve) => (started = resolve));
      return connect(attempt, ++runs);
    },
    release: async () => void log.push('release'),
    joined: () => void log.push('joined'),
    disconnect: async (left: Left) => void log.push(`disconnect ${left.reason ?? ''} ${left.error?.message ?? ''}`.trim()),
    changed: () => void log.push(`state ${connection.state}`),
  };
  const connection = new Connection(hooks);
  /** Resolves once the connect hook runs. */
  const inConnect = () => connecting;
  return { connection, log, runs: () => runs, inConnect };
}

const never = new Promise<never>(() => {});

describe('Connection', () => {
  it('joins: connecting, then connected and joined', async () => {
    const { connection, log } = harness();
    await connection.join();
    expect(connection.state).to.equal('connected');
    expect(log).to.deep.equal(['state connecting', 'state connected', 'joined']);
    await connection.join();
    expect(log.filter((l) => l === 'joined')).to.have.length(1);
  });

  it('gives concurrent callers the same join', async () => {
    const { connection, runs } = harness();
    const a = connection.join();
    const b = connection.join();
    await Promise.all([a, b]);
    expect(runs()).to.equal(1);
  });

  it('cancels a join at once, even while a step hangs, and releases what arrives late', async () => {
    let late: string | undefined;
    let deliver: (value: string) => void = () => {};
    const { connection, log, inConnect } = harness(async (attempt) => {
      await attempt.step(new Promise<string>((resolve) => (deliver = resolve)), (value) => (late = value));
      await attempt.step(never);
    });
    const connecting = inConnect();
    const joining = connection.join();
    await connecting;
    await connection.leave();
    const error = await rejection(joining);
    expect(error.name).to.equal('AbortError');
    expect(connection.state).to.equal('disconnected');
    expect(log).to.deep.equal(['state connecting', 'release', 'state disconnected']);
    deliver('tracks');
    await Promise.resolve();
    expect(late).to.equal('tracks');
  });

  it('joins afresh after an aborted join, even when asked before the abort has unwound', async () => {
    const { connection, runs, inConnect } = harness(async (attempt, run) => {
      if (run === 1) await attempt.step(never);
    });
    const connecting = inConnect();
    const first = connection.join();
    await connecting;
    void connection.leave();
    const second = connection.join();
    expect((await rejection(first)).name).to.equal('AbortError');
    await second;
    expect(runs()).to.equal(2);
    expect(connection.state).to.equal('connected');
  });

  it('treats an abort right after the last step as a failed join', async () => {
    let finish: () => void = () => {};
    const { connection, log, inConnect } = harness((attempt) => attempt.step(new Promise<void>((resolve) => (finish = resolve))));
    const connecting = inConnect();
    const joining = connection.join();
    await connecting;
    finish();
    connection.fail('pagehide');
    expect((await rejection(joining)).name).to.equal('AbortError');
    expect(log).to.include('release');
    expect(log).to.not.include('joined');
  });

  it('fails a join under way with the error that ended it', async () => {
    const { connection, inConnect } = harness((attempt) => attempt.step(never));
    const connecting = inConnect();
    const joining = connection.join();
    await connecting;
    const lost = new Error('lost');
    connection.fail('connection_lost', lost);
    expect(await rejection(joining)).to.equal(lost);
  });

  it('leaves a joined room with the reason, and the error when there is one', async () => {
    const { connection, log } = harness();
    await connection.join();
    connection.fail('room_destroyed', new Error('completed'));
    await connection.leave();
    expect(connection.state).to.equal('disconnected');
    expect(log.at(-1)).to.equal('disconnect room_destroyed completed');
  });

  it('leaves on pagehide', async () => {
    const { connection, log } = harness();
    await connection.join();
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    await connection.leave();
    expect(log.at(-1)).to.equal('disconnect pagehide');
  });

  it('waits for a leave before joining again', async () => {
    const { connection, log } = harness();
    await connection.join();
    const leaving = connection.leave();
    const rejoining = connection.join();
    await Promise.all([leaving, rejoining]);
    expect(log.slice(-4)).to.deep.equal(['disconnect', 'state connecting', 'state connected', 'joined']);
  });
});

describe('nextMediaUp', () => {
  const cases: Array<[boolean, RTCPeerConnectionState[], boolean]> = [
    [false, [], false],
    [false, ['connected'], true],
    [false, ['connected', 'connecting'], false],
    [true, ['connected', 'connecting'], true],
    [true, ['connected', 'disconnected'], false],
    [true, ['failed'], false],
    [false, ['connected', 'connected'], true],
  ];
  for (const [up, states, expected] of cases) {
    it(`${up ? 'up' : 'down'} + [${states.join(', ')}] -> ${expected ? 'up' : 'down'}`, () => {
      expect(nextMediaUp(up, states)).to.equal(expected);
    });
  }
});
