import { expect } from '@open-wc/testing';
import { parseParticipantEvent } from '../../src/janus/videoroom/protocol.js';

describe('VideoRoom messages -> participant events', () => {
  it('reads a publishers event, dropping nothing but normalising ids to strings', () => {
    const event = parseParticipantEvent({
      videoroom: 'event',
      room: 'r',
      publishers: [
        {
          id: 'b',
          display: 'Bob',
          streams: [
            { type: 'audio', mindex: 0, mid: '0', codec: 'opus' },
            { type: 'video', mindex: 1, mid: '1', codec: 'vp8', disabled: true, description: 'camera' },
          ],
        },
        { id: 42, streams: [] },
      ],
    });
    expect(event).to.deep.equal({
      type: 'publishers',
      publishers: [
        {
          id: 'b',
          display: 'Bob',
          streams: [
            { type: 'audio', mid: '0', disabled: false },
            { type: 'video', mid: '1', disabled: true, description: 'camera' },
          ],
        },
        { id: '42', display: '', streams: [] },
      ],
    });
  });

  const cases: Array<[string, Record<string, unknown>, unknown]> = [
    ['joining', { videoroom: 'event', room: 'r', joining: { id: 'c', display: 'Carol' } }, { type: 'joining', attendee: { id: 'c', display: 'Carol' } }],
    ['unpublished', { videoroom: 'event', room: 'r', unpublished: 'b' }, { type: 'unpublished', id: 'b' }],
    ['leaving', { videoroom: 'event', room: 'r', leaving: 'b' }, { type: 'leaving', id: 'b' }],
    ['kicked', { videoroom: 'event', room: 'r', kicked: 'b' }, { type: 'kicked', id: 'b' }],
    ['display', { videoroom: 'event', id: 'b', display: 'Robert' }, { type: 'display', id: 'b', display: 'Robert' }],
    ['we were kicked', { videoroom: 'event', room: 'r', leaving: 'ok', reason: 'kicked' }, { type: 'removed', reason: 'kicked' }],
    ['room destroyed', { videoroom: 'destroyed', room: 'r' }, { type: 'removed', reason: 'destroyed' }],
    ['our own leave answer', { videoroom: 'event', room: 'r', leaving: 'ok' }, undefined],
    ['our own unpublish answer', { videoroom: 'event', room: 'r', unpublished: 'ok' }, undefined],
    ['the join answer', { videoroom: 'joined', room: 'r', id: 'a', publishers: [] }, undefined],
    ['an error', { videoroom: 'event', error_code: 426, error: 'No such room' }, undefined],
    ['moderation', { videoroom: 'event', room: 'r', id: 'b', mid: '0', moderation: 'muted' }, { type: 'moderation', id: 'b', mid: '0', muted: true }],
    ['moderation lifted', { videoroom: 'event', room: 'r', id: 'b', mid: '1', moderation: 'unmuted' }, { type: 'moderation', id: 'b', mid: '1', muted: false }],
    ["the room service's monitor joining (no member)", { videoroom: 'event', room: 'r', joining: { id: '~room-service', display: 'room service' } }, undefined],
  ];
  for (const [what, message, expected] of cases) {
    it(what, () => {
      expect(parseParticipantEvent(message)).to.deep.equal(expected);
    });
  }
});
