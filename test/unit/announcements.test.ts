import { expect } from '@open-wc/testing';
import { announce, baselineAtJoin, type Announcement } from '../../src/room/announcements.js';
import { NO_PUBLICATIONS } from '../../src/room/publications.js';
import { EMPTY_ROSTER, reduceRoster, withMember, type Roster } from '../../src/room/roster.js';
import type { ReceivedTrack, RemoteTracks } from '../../src/room/subscriptions.js';
import { buildSnapshot, type ModelParts } from '../../src/room/views.js';
import { audioTrack, videoTrack } from './fake-room.js';

const self = 'me';
const base: ModelParts = {
  state: 'connected',
  room: 'r',
  memberId: self,
  roster: withMember(EMPTY_ROSTER, self, 'Me', true),
  local: NO_PUBLICATIONS,
  remote: new Map(),
  localStream: null,
  mediaConnected: false,
  self: { camera: null, microphone: null, cameraDevice: null, microphoneDevice: null, speaker: null, audioMuted: false, videoMuted: false, deaf: false },
};
const withBob = (roster: Roster) =>
  reduceRoster(
    roster,
    {
      type: 'publishers',
      publishers: [{ id: 'b', display: 'Bob', streams: [{ type: 'audio', mid: '0', disabled: false }, { type: 'video', mid: '1', disabled: false }] }],
    },
    self,
  );
const received = (entries: Record<string, ReceivedTrack>): RemoteTracks => new Map([['b', new Map(Object.entries(entries))]]);
const names = (events: Announcement[]) => events.map((a) => a.type);

describe('announcements', () => {
  const mic = audioTrack();
  const cam = videoTrack();

  it('announces a member who joins and publishes, then their tracks as they arrive and start', () => {
    const alone = buildSnapshot(base);
    const bobThere = buildSnapshot({ ...base, roster: withBob(base.roster) }, alone);
    const joined = announce(alone, bobThere);
    expect(names(joined)).to.deep.equal(['memberJoined', 'trackPublished', 'trackPublished', 'membersChanged']);
    expect(joined[0]!.type === 'memberJoined' && joined[0]!.event.participant.identity).to.equal('Bob');

    const arrived = buildSnapshot({ ...base, roster: withBob(base.roster), remote: received({ '1': { track: cam, started: false } }) }, bobThere);
    expect(names(announce(bobThere, arrived))).to.deep.equal(['trackSubscribed']);
    const started = buildSnapshot({ ...base, roster: withBob(base.roster), remote: received({ '1': { track: cam, started: true } }) }, arrived);
    const events = announce(arrived, started);
    expect(names(events)).to.deep.equal(['trackStarted']);
    expect(events[0]!.type === 'trackStarted' && events[0]!.event.track.mediaStreamTrack).to.equal(cam);
    expect(announce(started, started)).to.deep.equal([]);
  });

  it('announces a leaving member: tracks first, then publications, then the member', () => {
    const parts = { ...base, roster: withBob(base.roster), remote: received({ '0': { track: mic, started: true } }) };
    const before = buildSnapshot(parts);
    const after = buildSnapshot({ ...parts, roster: reduceRoster(parts.roster, { type: 'leaving', id: 'b' }, self), remote: new Map() }, before);
    const events = announce(before, after);
    expect(names(events)).to.deep.equal(['trackUnsubscribed', 'trackUnpublished', 'trackUnpublished', 'memberLeft', 'membersChanged']);
    const left = events.find((e) => e.type === 'memberLeft')!;
    expect(left.type === 'memberLeft' && left.event.participant.state).to.equal('disconnected');
  });

  it('announces a track moved to another publication as unsubscribed then subscribed', () => {
    const roster = withBob(base.roster);
    const before = buildSnapshot({ ...base, roster, remote: received({ '1': { track: cam, started: true } }) });
    const other = videoTrack();
    const after = buildSnapshot({ ...base, roster, remote: received({ '1': { track: other, started: true } }) }, before);
    expect(names(announce(before, after))).to.deep.equal(['trackUnsubscribed', 'trackSubscribed', 'trackStarted']);
  });

  it('at join, announces nothing about members already there, but their tracks and the media connection', () => {
    const snapshot = buildSnapshot({ ...base, roster: withBob(base.roster), remote: received({ '1': { track: cam, started: true } }), mediaConnected: true });
    expect(names(announce(baselineAtJoin(snapshot), snapshot))).to.deep.equal(['trackSubscribed', 'trackStarted', 'mediaConnected']);
    const down = buildSnapshot({ ...base, roster: withBob(base.roster), remote: received({ '1': { track: cam, started: true } }) }, snapshot);
    expect(names(announce(snapshot, down))).to.deep.equal(['mediaDisconnected']);
  });

  it('keeps unchanged members and media as the same objects', () => {
    const parts = { ...base, roster: withBob(base.roster) };
    const first = buildSnapshot(parts);
    const second = buildSnapshot({ ...parts }, first);
    expect(second.members[1] === first.members[1], 'same member object').to.equal(true);
    expect(second.media.get('b') === first.media.get('b'), 'same media object').to.equal(true);
  });
});
