import { expect } from '@open-wc/testing';
import type { PublisherEntry } from '../../src/janus/videoroom/protocol.js';
import { EMPTY_ROSTER, reduceRoster, withMember, type Roster } from '../../src/room/roster.js';

const self = 'me';
const start = withMember(EMPTY_ROSTER, self, 'Me', true);
const bob: PublisherEntry = {
  id: 'b',
  display: 'Bob',
  streams: [
    { type: 'audio', mid: '0', disabled: false },
    { type: 'video', mid: '1', disabled: false, description: 'cam' },
    { type: 'data', mid: '2', disabled: false },
    { type: 'video', mid: '3', disabled: true },
  ],
};
const streamsOf = (roster: Roster, id: string) => [...(roster.get(id)?.streams.values() ?? [])];

describe('roster reducers', () => {
  it('adds publishers with their audio and video streams, never ourselves', () => {
    const roster = reduceRoster(start, { type: 'publishers', publishers: [bob, { id: self, display: 'Me', streams: [] }] }, self);
    expect([...roster.keys()]).to.deep.equal([self, 'b']);
    expect(streamsOf(roster, 'b')).to.deep.equal([
      { mid: '0', kind: 'audio', source: 'microphone', name: 'microphone', muted: false, deaf: false, moderated: false },
      { mid: '1', kind: 'video', source: 'camera', name: 'cam', muted: false, deaf: false, moderated: false },
    ]);
    expect(streamsOf(roster, self)).to.deep.equal([]);
    expect(streamsOf(start, 'b'), 'the old roster is unchanged').to.deep.equal([]);
  });

  it('adds members who join without media, and renames on display', () => {
    let roster = reduceRoster(start, { type: 'joining', attendee: { id: 'c', display: 'Carol' } }, self);
    roster = reduceRoster(roster, { type: 'display', id: 'c', display: 'Caroline' }, self);
    roster = reduceRoster(roster, { type: 'display', id: 'nobody', display: 'X' }, self);
    expect([...roster.values()].map((m) => [m.id, m.name, m.local])).to.deep.equal([
      [self, 'Me', true],
      ['c', 'Caroline', false],
    ]);
  });

  it('drops streams on unpublished and members on leaving or kicked', () => {
    let roster = reduceRoster(start, { type: 'publishers', publishers: [bob, { ...bob, id: 'd', display: 'Dan' }] }, self);
    roster = reduceRoster(roster, { type: 'unpublished', id: 'b' }, self);
    expect(streamsOf(roster, 'b')).to.deep.equal([]);
    expect(roster.has('b')).to.equal(true);
    roster = reduceRoster(roster, { type: 'leaving', id: 'b' }, self);
    roster = reduceRoster(roster, { type: 'kicked', id: 'd' }, self);
    roster = reduceRoster(roster, { type: 'leaving', id: self }, self);
    expect([...roster.keys()]).to.deep.equal([self]);
  });

  it('keeps a moderated stream moderated until Janus says otherwise, also across re-announcements without the flag', () => {
    let roster = reduceRoster(start, { type: 'publishers', publishers: [bob] }, self);
    roster = reduceRoster(roster, { type: 'moderation', id: 'b', mid: '0', muted: true }, self);
    expect(roster.get('b')!.streams.get('0')!.moderated).to.equal(true);
    expect(roster.get('b')!.streams.get('1')!.moderated).to.equal(false);
    // Janus 1.1.2 re-announces audio streams without their moderation flag.
    roster = reduceRoster(roster, { type: 'publishers', publishers: [bob] }, self);
    expect(roster.get('b')!.streams.get('0')!.moderated).to.equal(true);
    roster = reduceRoster(roster, { type: 'moderation', id: 'b', mid: '0', muted: false }, self);
    expect(roster.get('b')!.streams.get('0')!.moderated).to.equal(false);
    // About an unknown member or stream: nothing changes.
    expect(reduceRoster(roster, { type: 'moderation', id: 'x', mid: '0', muted: true }, self)).to.equal(roster);
    expect(reduceRoster(roster, { type: 'moderation', id: 'b', mid: '9', muted: true }, self)).to.equal(roster);
  });

  it("reads each stream's source and mute state from its description, trusting only what fits", () => {
    const described = (mid: string, type: 'audio' | 'video', description: string) => ({ type, mid, disabled: false, description });
    const roster = reduceRoster(
      start,
      {
        type: 'publishers',
        publishers: [
          {
            id: 'b',
            display: 'Bob',
            streams: [
              described('0', 'audio', '{"jre":1,"source":"microphone","muted":true,"deaf":true}'),
              described('1', 'video', '{"jre":1,"source":"microphone","muted":"yes"}'),
              described('2', 'video', '{"jre":1,"source":"screen","muted":false}'),
              described('3', 'audio', '{not json'),
            ],
          },
        ],
      },
      self,
    );
    expect(streamsOf(roster, 'b').map(({ source, muted, deaf, name }) => [source, muted, deaf, name])).to.deep.equal([
      ['microphone', true, true, 'microphone'],
      ['camera', false, false, 'camera'],
      ['screen', false, false, 'screen'],
      ['microphone', false, false, '{not json'],
    ]);
  });

  it('returns the same roster when nothing changes', () => {
    expect(reduceRoster(start, { type: 'unpublished', id: 'nobody' }, self)).to.equal(start);
    expect(reduceRoster(start, { type: 'removed', reason: 'kicked' }, self)).to.equal(start);
  });
});
