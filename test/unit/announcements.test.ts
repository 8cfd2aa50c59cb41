import { expect } from '@open-wc/testing';
import { announce, baselineAtJoin, type Announcement } from '../../src/room/announcements.js';
import { DEFAULT_SIZE } from '../../src/room/layout.js';
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
  local: new Map(),
  remote: new Map(),
  localStream: null,
  mediaConnected: false,
  reconnecting: new Set(),
  roomName: null,
  dominantSpeaker: null,
  layout: { name: 'auto', positions: new Map(), hideVideoMuted: false, page: 0, size: DEFAULT_SIZE },
  networkQuality: new Map(),
  dimensions: new Map(),
  self: { camera: null, microphone: null, cameraDevice: null, microphoneDevice: null, speaker: null, audioMuted: false, videoMuted: false, deaf: false, screenShare: 'off', mirrored: true, overlay: true },
  service: null,
  shared: new Map(),
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
    expect(names(joined)).to.deep.equal(['memberJoined', 'participantConnected', 'trackPublished', 'trackPublished', 'membersChanged', 'layoutChanged']);
    expect(joined[0]!.type === 'memberJoined' && joined[0]!.event.member).to.include({ name: 'Bob', type: 'member' });
    expect(joined[1]!.type === 'participantConnected' && joined[1]!.event.participant.identity).to.equal('Bob');

    const arrived = buildSnapshot({ ...base, roster: withBob(base.roster), remote: received({ '1': { track: cam, started: false, switchedOff: false } }) }, bobThere);
    expect(names(announce(bobThere, arrived))).to.deep.equal(['trackSubscribed']);
    const started = buildSnapshot({ ...base, roster: withBob(base.roster), remote: received({ '1': { track: cam, started: true, switchedOff: false } }) }, arrived);
    const events = announce(arrived, started);
    expect(names(events)).to.deep.equal(['trackStarted']);
    expect(events[0]!.type === 'trackStarted' && events[0]!.event.track.mediaStreamTrack).to.equal(cam);
    expect(announce(started, started)).to.deep.equal([]);
  });

  it('announces a leaving member: tracks first, then publications, then the participant and the member', () => {
    const parts = { ...base, roster: withBob(base.roster), remote: received({ '0': { track: mic, started: true, switchedOff: false } }) };
    const before = buildSnapshot(parts);
    const after = buildSnapshot({ ...parts, roster: reduceRoster(parts.roster, { type: 'leaving', id: 'b' }, self), remote: new Map() }, before);
    const events = announce(before, after);
    expect(names(events)).to.deep.equal([
      'trackUnsubscribed',
      'trackUnpublished',
      'trackUnpublished',
      'participantDisconnected',
      'memberLeft',
      'membersChanged',
      'layoutChanged',
    ]);
    const left = events.find((e) => e.type === 'participantDisconnected')!;
    expect(left.type === 'participantDisconnected' && left.event.participant.state).to.equal('disconnected');
  });

  it('announces a track moved to another publication as unsubscribed then subscribed', () => {
    const roster = withBob(base.roster);
    const before = buildSnapshot({ ...base, roster, remote: received({ '1': { track: cam, started: true, switchedOff: false } }) });
    const other = videoTrack();
    const after = buildSnapshot({ ...base, roster, remote: received({ '1': { track: other, started: true, switchedOff: false } }) }, before);
    expect(names(announce(before, after))).to.deep.equal(['trackUnsubscribed', 'trackSubscribed', 'trackStarted']);
  });

  it('at join, announces nothing about members already there, but their tracks, the layout and the media connection', () => {
    const snapshot = buildSnapshot({ ...base, roster: withBob(base.roster), remote: received({ '1': { track: cam, started: true, switchedOff: false } }), mediaConnected: true });
    const events = announce(baselineAtJoin(snapshot), snapshot);
    expect(names(events)).to.deep.equal(['trackSubscribed', 'trackStarted', 'layoutChanged', 'mediaConnected']);
    const layout = events[2]!.type === 'layoutChanged' ? events[2].event.layout : undefined;
    expect(layout).to.include({ name: 'grid-responsive', room_id: 'r', room_session_id: 'r' });
    expect(layout!.layers.map((l) => l.member_id)).to.deep.equal([self, 'b']);
    const down = buildSnapshot({ ...base, roster: withBob(base.roster), remote: received({ '1': { track: cam, started: true, switchedOff: false } }) }, snapshot);
    expect(names(announce(snapshot, down))).to.deep.equal(['mediaDisconnected']);
  });

  it("announces talking (never for a muted microphone) and the dominant speaker as Twilio's participant", () => {
    const roster = withBob(base.roster);
    const quiet = buildSnapshot({ ...base, roster });
    const talkingRoster = reduceRoster(roster, { type: 'talking', id: 'b', talking: true }, self);
    const talking = buildSnapshot({ ...base, roster: talkingRoster, dominantSpeaker: 'b' }, quiet);
    const events = announce(quiet, talking);
    expect(names(events)).to.deep.equal(['memberTalking', 'membersChanged', 'dominantSpeakerChanged']);
    expect(events[0]!.type === 'memberTalking' && events[0].event.member).to.include({ id: 'b', talking: true });
    expect(events[2]!.type === 'dominantSpeakerChanged' && events[2].event.dominantSpeaker?.sid).to.equal('b');

    const mutedRoster = reduceRoster(
      talkingRoster,
      {
        type: 'publishers',
        publishers: [{ id: 'b', display: 'Bob', streams: [{ type: 'audio', mid: '0', disabled: false, description: '{"jre":1,"source":"microphone","muted":true}' }] }],
      },
      self,
    );
    const muted = buildSnapshot({ ...base, roster: mutedRoster }, talking);
    const after = announce(talking, muted);
    expect(after.find((e) => e.type === 'memberTalking')?.event).to.deep.include({ member: muted.members[1] });
    expect(muted.members[1]).to.include({ talking: false, audio_muted: true });
    const reset = after.find((e) => e.type === 'dominantSpeakerChanged');
    expect(reset?.type === 'dominantSpeakerChanged' && reset.event.dominantSpeaker).to.equal(null);
  });

  it("announces a received video's new size, and participants' network quality levels (this client's too)", () => {
    const roster = withBob(base.roster);
    const before = buildSnapshot({ ...base, roster, remote: received({ '1': { track: cam, started: true, switchedOff: false } }) });
    const quality = new Map([
      ['b', { level: 2 as const, stats: { level: 2 as const, audio: null, video: { send: null, recv: 2 as const } } }],
      [self, { level: 5 as const, stats: { level: 5 as const, audio: null, video: null } }],
    ]);
    const after = buildSnapshot(
      { ...base, roster, remote: received({ '1': { track: cam, started: true, switchedOff: false } }), dimensions: new Map([[cam.id, { width: 320, height: 240 }]]), networkQuality: quality },
      before,
    );
    const events = announce(before, after);
    expect(names(events)).to.deep.equal(['trackDimensionsChanged', 'networkQualityLevelChanged', 'networkQualityLevelChanged']);
    const resized = events[0]!.type === 'trackDimensionsChanged' ? events[0].event.track : undefined;
    expect(resized).to.include({ mediaStreamTrack: cam });
    expect(resized!.dimensions).to.deep.equal({ width: 320, height: 240 });
    const [own, bob] = events.slice(1).map((e) => (e.type === 'networkQualityLevelChanged' ? e.event : undefined));
    expect(own).to.include({ networkQualityLevel: 5 });
    expect(own!.participant.sid).to.equal(self);
    expect(bob).to.include({ networkQualityLevel: 2 });
    expect(bob!.networkQualityStats!.video).to.deep.equal({ send: null, recv: 2 });
    expect(after.participants.get('b')).to.include({ networkQualityLevel: 2 });
  });

  it('announces a track switched off and on again', () => {
    const roster = withBob(base.roster);
    const on = buildSnapshot({ ...base, roster, remote: received({ '1': { track: cam, started: true, switchedOff: false } }) });
    const off = buildSnapshot({ ...base, roster, remote: received({ '1': { track: cam, started: true, switchedOff: true } }) }, on);
    const events = announce(on, off);
    expect(names(events)).to.deep.equal(['trackSwitchedOff']);
    expect(events[0]!.type === 'trackSwitchedOff' && events[0].event.track.isSwitchedOff).to.equal(true);
    expect(off.media.get('b')!.videoSwitchedOff).to.equal(true);
    expect(names(announce(off, on))).to.deep.equal(['trackSwitchedOn']);
  });

  it('keeps unchanged members and media as the same objects', () => {
    const parts = { ...base, roster: withBob(base.roster) };
    const first = buildSnapshot(parts);
    const second = buildSnapshot({ ...parts }, first);
    expect(second.members[1] === first.members[1], 'same member object').to.equal(true);
    expect(second.media.get('b') === first.media.get('b'), 'same media object').to.equal(true);
  });

  describe('extra sources', () => {
    const share = 'b.screen.0a1b2c3d';
    const withShare = (roster: Roster) =>
      reduceRoster(
        roster,
        {
          type: 'publishers',
          publishers: [{ id: share, display: 'Bob', streams: [{ type: 'video', mid: '0', disabled: false, description: '{"jre":1,"source":"screen","muted":false}' }] }],
        },
        self,
      );

    it("show a share as a member of type screen to SignalWire, and as a track of its owner to Twilio", () => {
      const bob = buildSnapshot({ ...base, roster: withBob(base.roster) });
      const sharing = buildSnapshot({ ...base, roster: withShare(withBob(base.roster)) }, bob);
      const events = announce(bob, sharing);
      expect(names(events)).to.deep.equal(['memberJoined', 'trackPublished', 'membersChanged', 'layoutChanged']);
      const joined = events[0]!.type === 'memberJoined' ? events[0].event.member : undefined;
      expect(joined).to.include({ id: share, name: 'Bob', type: 'screen', parent_id: 'b', local: false });
      const published = events[1]!.type === 'trackPublished' ? events[1].event : undefined;
      expect(published!.participant.sid).to.equal('b');
      expect(published!.publication).to.include({ trackName: 'screen-0a1b2c3d', kind: 'video', trackSid: `${share}:0` });
      expect([...sharing.participants.keys()], 'no participant of its own').to.deep.equal(['b']);

      const stopped = buildSnapshot({ ...base, roster: reduceRoster(withShare(withBob(base.roster)), { type: 'leaving', id: share }, self) }, sharing);
      expect(names(announce(sharing, stopped))).to.deep.equal(['trackUnpublished', 'memberLeft', 'membersChanged', 'layoutChanged']);
    });

    it('a share whose owner Janus never showed still has a participant: its owner', () => {
      const snapshot = buildSnapshot({ ...base, roster: withShare(base.roster) });
      expect(snapshot.participants.get('b')).to.include({ sid: 'b', identity: 'Bob' });
    });

    it("this client's own sources are kept locally: Janus's events about them change nothing", () => {
      const own = `${self}.device.11223344`;
      const roster = reduceRoster(base.roster, { type: 'joining', attendee: { id: own, display: 'Me' } }, self);
      expect(roster).to.equal(base.roster);
      const withOwn = withMember(base.roster, own, 'Me', true);
      expect(reduceRoster(withOwn, { type: 'leaving', id: own }, self)).to.equal(withOwn);
      const before = buildSnapshot(base);
      const after = buildSnapshot({ ...base, roster: withOwn }, before);
      const events = announce(before, after);
      expect(names(events), 'SignalWire members see it; Twilio has no local tracks on the room').to.deep.equal(['memberJoined', 'membersChanged', 'layoutChanged']);
      expect(events[0]!.type === 'memberJoined' && events[0].event.member).to.include({ type: 'device', parent_id: self, local: true });
    });
  });
});
