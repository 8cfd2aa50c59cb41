import { expect } from '@open-wc/testing';
import { DOM_EVENT_TABLE, forwardRoomEvents } from '../../src/events/dom-events.js';
import { RoomCompletedError } from '../../src/errors/errors.js';
import type { RoomEventDetails } from '../../src/events/event-map.js';
import { RoomSession } from '../../src/room/room-session.js';
import type { Participant } from '../../src/room/types.js';
import { member as memberOf } from './fake-room.js';

const member = memberOf('m1', 'Bob');
const participant: Participant = {
  sid: 'm1',
  identity: 'Bob',
  state: 'connected',
  tracks: new Map(),
  audioTracks: new Map(),
  videoTracks: new Map(),
  networkQualityLevel: null,
  networkQualityStats: null,
};

function record(target: EventTarget, names: string[]): CustomEvent[] {
  const events: CustomEvent[] = [];
  for (const name of names) target.addEventListener(name, (event) => events.push(event as CustomEvent));
  return events;
}

describe('the model-event -> DOM-event table', () => {
  it('turns a member joining into member.joined, and a participant connecting into participantConnected', () => {
    const room = new RoomSession({ server: '', room: '', identity: '' });
    const host = document.createElement('div');
    const stop = forwardRoomEvents(room, host);
    const events = record(host, ['member.joined', 'participantConnected']);
    room.events.emit('memberJoined', { member });
    room.events.emit('participantConnected', { participant });
    stop();
    room.events.emit('memberJoined', { member });

    expect(events.map((e) => e.type)).to.deep.equal(['member.joined', 'participantConnected']);
    expect(events[0]!.detail).to.deep.equal({ room_session_id: '', room_id: '', member });
    expect(events[1]!.detail).to.deep.equal({ participant });
    expect(events.every((e) => e.bubbles && e.composed && !e.cancelable)).to.equal(true);
  });

  it('turns leaving into room.left then disconnected, with the error when unexpected', () => {
    const room = new RoomSession({ server: '', room: '', identity: '' });
    const host = document.createElement('div');
    forwardRoomEvents(room, host);
    const events = record(host, ['room.left', 'disconnected']);
    const error = new RoomCompletedError();
    room.events.emit('left', { reason: 'room_destroyed', error });
    room.events.emit('left', {});
    expect(events.map((e) => [e.type, e.detail])).to.deep.equal([
      ['room.left', { reason: 'room_destroyed' }],
      ['disconnected', { room, error }],
      ['room.left', { reason: undefined }],
      ['disconnected', { room, error: undefined }],
    ]);
  });

  it('dispatches error without bubbling, and cancelable', () => {
    const room = new RoomSession({ server: '', room: '', identity: '' });
    const parent = document.createElement('div');
    const host = parent.appendChild(document.createElement('div'));
    forwardRoomEvents(room, host);
    const onHost = record(host, ['error']);
    const onParent = record(parent, ['error']);
    room.events.emit('error', { error: new Error('x') });
    expect(onHost).to.have.length(1);
    expect(onHost[0]).to.include({ bubbles: false, cancelable: true });
    expect(onParent).to.have.length(0);
  });

  it('has a row for every model event but state, and media events carry no payload', () => {
    expect(Object.keys(DOM_EVENT_TABLE).sort()).to.deep.equal(
      [
        'dominantSpeakerChanged',
        'error',
        'joined',
        'layoutChanged',
        'left',
        'mediaConnected',
        'mediaDisconnected',
        'mediaReconnecting',
        'memberJoined',
        'memberLeft',
        'memberTalking',
        'memberUpdated',
        'membersChanged',
        'participantConnected',
        'participantDisconnected',
        'participantReconnecting',
        'participantReconnected',
        'reconnecting',
        'reconnected',
        'trackEnabled',
        'trackDisabled',
        'cameraUpdated',
        'cameraDisconnected',
        'microphoneUpdated',
        'microphoneDisconnected',
        'speakerUpdated',
        'speakerDisconnected',
        'trackPublished',
        'trackStarted',
        'trackSubscribed',
        'trackDimensionsChanged',
        'networkQualityLevelChanged',
        'trackSubscriptionFailed',
        'trackSwitchedOff',
        'trackSwitchedOn',
        'trackUnpublished',
        'trackUnsubscribed',
        'roomUpdated',
        'audienceCount',
        'memberPromoted',
        'memberDemoted',
        'tokenAboutToExpire',
        'recordingStarted',
        'recordingUpdated',
        'recordingEnded',
        'trackMessage',
        'publishedMedia',
      ].sort(),
    );
    // Janus's media reports become Twilio's media warnings on publications, not DOM events.
    expect(DOM_EVENT_TABLE.publishedMedia).to.deep.equal([]);
    const room = new RoomSession({ server: '', room: '', identity: '' });
    expect(DOM_EVENT_TABLE.mediaConnected[0]!.detail(undefined, room)).to.equal(null);
    expect(DOM_EVENT_TABLE.mediaReconnecting[0]!.detail(undefined, room)).to.equal(null);
    expect(DOM_EVENT_TABLE.reconnected[0]!.detail(undefined, room)).to.equal(null);
  });

  it('gives room.updated the room state as room and room_session, and a recording to both vocabularies', () => {
    const room = new RoomSession({ server: '', room: '', identity: '' });
    const [updated] = DOM_EVENT_TABLE.roomUpdated;
    const detail = updated!.detail({ locked: true, updated: ['locked'] }, room) as RoomEventDetails['room.updated'];
    expect(detail.room).to.equal(detail.room_session);
    expect(detail.room).to.include({ locked: true, prioritize_handraise: false, recording: false });
    expect(detail.room.meta).to.deep.equal({});
    expect(detail.updated).to.deep.equal(['locked']);
    const recording = { id: 'r1' } as never;
    expect(DOM_EVENT_TABLE.recordingStarted.map((row) => row.name)).to.deep.equal(['recording.started', 'recordingStarted']);
    expect(DOM_EVENT_TABLE.recordingEnded.map((row) => row.name)).to.deep.equal(['recording.ended', 'recordingStopped']);
    expect(DOM_EVENT_TABLE.recordingEnded[1]!.detail({ recording }, room)).to.deep.equal({ recording });
  });

  it('gives reconnecting its error (Twilio), and participantReconnecting its participant', () => {
    const room = new RoomSession({ server: '', room: '', identity: '' });
    const host = document.createElement('div');
    forwardRoomEvents(room, host);
    const events = record(host, ['reconnecting', 'media.reconnecting', 'participantReconnecting']);
    const error = new Error('lost');
    room.events.emit('reconnecting', { error });
    room.events.emit('mediaReconnecting', undefined);
    const participant = { sid: 'p', identity: 'Bob', state: 'reconnecting' } as never;
    room.events.emit('participantReconnecting', { participant });
    expect(events.map((e) => [e.type, e.detail, e.bubbles, e.composed])).to.deep.equal([
      ['reconnecting', { error }, true, true],
      ['media.reconnecting', null, true, true],
      ['participantReconnecting', { participant }, true, true],
    ]);
  });

  it("gives member.updated SignalWire's payload: the member's new values with the list of changed fields", () => {
    const room = new RoomSession({ server: '', room: '', identity: '' });
    const host = document.createElement('div');
    forwardRoomEvents(room, host);
    const events = record(host, ['member.updated']);
    const muted = { ...member, audio_muted: true };
    room.events.emit('memberUpdated', { member: muted, updated: ['audio_muted'] });
    expect(events[0]!.detail).to.deep.equal({ room_session_id: '', room_id: '', member: { ...muted, updated: ['audio_muted'] } });
  });

  it('gives device events their previous and current device, or the device that went away', () => {
    const room = new RoomSession({ server: '', room: '', identity: '' });
    const host = document.createElement('div');
    forwardRoomEvents(room, host);
    const events = record(host, ['camera.updated', 'microphone.disconnected', 'speaker.updated']);
    const previous = { deviceId: 'a', label: 'Front' };
    const current = { deviceId: 'b', label: 'Back' };
    room.events.emit('cameraUpdated', { previous, current });
    room.events.emit('microphoneDisconnected', previous);
    room.events.emit('speakerUpdated', { previous: current, current: previous });
    expect(events.map((e) => [e.type, e.detail])).to.deep.equal([
      ['camera.updated', { previous, current }],
      ['microphone.disconnected', previous],
      ['speaker.updated', { previous: current, current: previous }],
    ]);
  });
});
