/**
 * Twilio Video's `Room` over the room model: one `RoomSession` (the same model `<video-room>`
 * renders) whose events become live Twilio objects (participants, publications, tracks) and the
 * documented events on each of them, with the documented arguments.
 */
import type { TrackEvent, TrackEventWithTrack } from '../room/announcements.js';
import type { RoomSession } from '../room/room-session.js';
import type { RoomSessionEvents } from '../room/room-session-events.js';
import type { Participant as ParticipantView, RemoteTrack as RemoteTrackView, TrackPublication as PublicationView } from '../room/types.js';
import { LocalParticipant, RemoteParticipant, TwilioEmitter } from './participants.js';
import { RemoteTrackPublication } from './publications.js';
import { RemoteDataTrack, RemoteMediaTrack, type LocalMediaTrack } from './tracks.js';

export interface RoomSettings {
  /** Emit `dominantSpeakerChanged` and keep `dominantSpeaker` (Twilio's `dominantSpeaker` option). */
  dominantSpeaker: boolean;
  /** Emit `networkQualityLevelChanged` on participants (Twilio's `networkQuality` option). */
  networkQuality: boolean;
  /** Twilio's `notifyWarnings`: `recording-media-lost` is the one there is. */
  notifyWarnings: readonly string[];
  /** Tracks `connect()` captured itself: stopped on disconnect, as Twilio does. */
  ownTracks: readonly LocalMediaTrack[];
}

export class Room extends TwilioEmitter {
  readonly localParticipant: LocalParticipant;
  readonly participants = new Map<string, RemoteParticipant>();
  dominantSpeaker: RemoteParticipant | null = null;
  isRecording: boolean;
  /** Janus has no media regions. */
  readonly mediaRegion = 'local';
  readonly name: string;
  readonly sid: string;
  state: 'connected' | 'reconnecting' | 'disconnected' = 'connected';
  /** The room model under this room (SignalWire's `RoomSession`, also what `<video-room>` renders). */
  readonly session: RoomSession;
  private readonly settings: RoomSettings;
  private readonly unsubscribe: () => void;

  constructor(session: RoomSession, localTracks: readonly LocalMediaTrack[], settings: RoomSettings) {
    super();
    this.session = session;
    this.settings = settings;
    const snapshot = session.snapshot;
    this.name = snapshot.roomName ?? snapshot.roomId ?? '';
    this.sid = snapshot.roomSessionId ?? '';
    this.isRecording = snapshot.service?.recording ?? false;
    const identity = snapshot.members.find((m) => m.id === snapshot.memberId)?.name ?? '';
    this.localParticipant = new LocalParticipant(session, snapshot.memberId ?? '', identity);
    for (const track of localTracks) {
      const trackSid = this.localParticipant.trackSidOf(track.kind);
      if (trackSid) this.localParticipant.published(track, trackSid);
    }
    // Those here already are in `participants` (no `participantConnected`, as in Twilio); their
    // tracks are announced subscribed once the page had a turn to listen.
    for (const view of snapshot.participants.values()) this.addParticipant(view);
    setTimeout(() => this.catchUp(), 0);
    const handler = (type: keyof RoomSessionEvents, event: unknown) => this.handle(type, event);
    session.events.on('*', handler);
    this.unsubscribe = () => session.events.off('*', handler);
  }

  /** Leaves the room; `disconnected` follows. */
  disconnect(): this {
    void this.session.leave();
    return this;
  }

  /** The PeerConnections' statistics (`RTCStatsReport`s of the publisher and the subscriber). */
  getStats(): Promise<RTCStatsReport[]> {
    return this.session.getStats();
  }

  /** Twilio's `refreshInactiveMedia()`: media here never goes inactive on its own; nothing to do. */
  refreshInactiveMedia(): void {}

  /** A participant and its publications (subscribed as `trackSubscribed` says). */
  private addParticipant(view: ParticipantView): RemoteParticipant {
    const participant = new RemoteParticipant(view.sid, view.identity);
    for (const publication of view.tracks.values()) {
      participant.addPublication(new RemoteTrackPublication(publication.trackSid, publication.trackName, publication.kind, publication.isTrackEnabled));
    }
    this.participants.set(view.sid, participant);
    return participant;
  }

  /** The tracks subscribed before this room was handed to the page: `trackSubscribed` (and `trackStarted`) for each. */
  private catchUp(): void {
    if (this.state === 'disconnected') return;
    for (const view of this.session.snapshot.participants.values()) {
      for (const publication of view.tracks.values()) {
        if (!publication.track) continue;
        const event = { participant: view, publication, track: publication.track };
        this.trackEvent('trackSubscribed', event);
        if (publication.track.isStarted) this.trackEvent('trackStarted', event);
      }
    }
  }

  private handle(type: keyof RoomSessionEvents, event: unknown): void {
    switch (type) {
      case 'participantConnected': {
        const { participant } = event as RoomSessionEvents['participantConnected'];
        if (!this.participants.has(participant.sid)) this.emit('participantConnected', this.addParticipant(participant));
        return;
      }
      case 'participantDisconnected': {
        const participant = this.participants.get((event as RoomSessionEvents['participantDisconnected']).participant.sid);
        if (!participant) return;
        this.participants.delete(participant.sid);
        participant.setState('disconnected');
        this.emit('participantDisconnected', participant);
        return;
      }
      case 'participantReconnecting':
      case 'participantReconnected': {
        const participant = this.participants.get((event as { participant: ParticipantView }).participant.sid);
        if (!participant) return;
        participant.setState(type === 'participantReconnecting' ? 'reconnecting' : 'connected');
        this.emit(type, participant);
        return;
      }
      case 'dominantSpeakerChanged': {
        if (!this.settings.dominantSpeaker) return;
        const { dominantSpeaker } = event as RoomSessionEvents['dominantSpeakerChanged'];
        this.dominantSpeaker = (dominantSpeaker && this.participants.get(dominantSpeaker.sid)) || null;
        this.emit('dominantSpeakerChanged', this.dominantSpeaker);
        return;
      }
      case 'networkQualityLevelChanged': {
        if (!this.settings.networkQuality) return;
        const { participant, networkQualityLevel, networkQualityStats } = event as RoomSessionEvents['networkQualityLevelChanged'];
        const target = participant.sid === this.localParticipant.sid ? this.localParticipant : this.participants.get(participant.sid);
        target?.setNetworkQuality(networkQualityLevel, networkQualityStats);
        return;
      }
      case 'reconnecting':
        this.state = 'reconnecting';
        this.emit('reconnecting', (event as RoomSessionEvents['reconnecting']).error);
        return;
      case 'reconnected':
        this.state = 'connected';
        this.emit('reconnected');
        return;
      case 'recordingStarted':
      case 'recordingEnded':
        this.isRecording = type === 'recordingStarted';
        if (!this.isRecording) for (const publication of this.localParticipant.tracks.values()) publication.setWarning(undefined);
        this.emit(this.isRecording ? 'recordingStarted' : 'recordingStopped');
        return;
      case 'publishedMedia':
        return this.mediaWarning(event as RoomSessionEvents['publishedMedia']);
      case 'trackMessage':
        return this.message(event as RoomSessionEvents['trackMessage']);
      case 'left':
        return this.left(event as RoomSessionEvents['left']);
      default:
        return this.trackEvent(type, event as TrackEvent);
    }
  }

  private trackEvent(type: keyof RoomSessionEvents, event: TrackEvent): void {
    if (!event || typeof event !== 'object' || !('publication' in event)) return;
    const participant = this.participants.get(event.participant.sid);
    if (!participant) return;
    const view = event.publication;
    let publication = participant.tracks.get(view.trackSid);
    const track = publication?.track instanceof RemoteMediaTrack ? publication.track : null;
    switch (type) {
      case 'trackPublished':
        if (publication) return;
        publication = new RemoteTrackPublication(view.trackSid, view.trackName, view.kind, view.isTrackEnabled);
        participant.addPublication(publication);
        return this.tell(participant, 'trackPublished', publication);
      case 'trackUnpublished':
        if (!publication) return;
        participant.removePublication(view.trackSid);
        return this.tell(participant, 'trackUnpublished', publication);
      case 'trackSubscribed': {
        if (!publication || track) return;
        const subscribed = remoteTrack(view, (event as TrackEventWithTrack).track);
        publication.subscribed(subscribed);
        return this.tell(participant, 'trackSubscribed', subscribed);
      }
      case 'trackUnsubscribed':
        if (!publication || !track) return;
        publication.unsubscribed();
        return this.tell(participant, 'trackUnsubscribed', track);
      case 'trackSubscriptionFailed':
        if (!publication) return;
        return this.tell(participant, 'trackSubscriptionFailed', (event as RoomSessionEvents['trackSubscriptionFailed']).error, publication);
      case 'trackEnabled':
      case 'trackDisabled':
        publication?.setTrackEnabled(type === 'trackEnabled');
        if (!track) return;
        track.setEnabled(type === 'trackEnabled');
        return this.tell(participant, type, track);
      case 'trackStarted':
        if (!track || track.isStarted) return;
        track.setStarted();
        return this.tell(participant, 'trackStarted', track);
      case 'trackSwitchedOff':
      case 'trackSwitchedOn':
        if (!track) return;
        track.setSwitchedOff(type === 'trackSwitchedOff');
        return this.tell(participant, type, track, publication);
      case 'trackDimensionsChanged':
        if (!track) return;
        track.setDimensions((event as TrackEventWithTrack).track.dimensions);
        return this.tell(participant, 'trackDimensionsChanged', track);
    }
  }

  /** A participant's event: on the participant with `args`, then on the room with the participant added. */
  private tell(participant: RemoteParticipant, event: string, ...args: unknown[]): void {
    participant.emitTrack(event, ...args);
    this.emitTrack(event, ...args, participant);
  }

  /** Another participant's data: its data track (published the first time it is heard), then `message`. */
  private message({ data, track, participant: view }: RoomSessionEvents['trackMessage']): void {
    const participant = this.participants.get(view.sid);
    if (!participant) return;
    let publication = participant.dataTracks.get(track.sid);
    if (!publication) {
      publication = new RemoteTrackPublication(track.sid, track.name, 'data', true);
      participant.addPublication(publication);
      this.tell(participant, 'trackPublished', publication);
      const dataTrack = new RemoteDataTrack(track.sid, track.name);
      publication.subscribed(dataTrack);
      this.tell(participant, 'trackSubscribed', dataTrack);
    }
    const dataTrack = publication.track as RemoteDataTrack;
    dataTrack.deliver(data);
    this.tell(participant, 'trackMessage', data, dataTrack);
  }

  /** Twilio's `recording-media-lost`: Janus receives nothing of a track while the room is recorded. */
  private mediaWarning({ trackSid, receiving }: RoomSessionEvents['publishedMedia']): void {
    if (!this.settings.notifyWarnings.includes('recording-media-lost')) return;
    const publication = this.localParticipant.tracks.get(trackSid);
    if (!publication) return;
    if (!receiving && this.isRecording) publication.setWarning('recording-media-lost');
    else if (receiving) publication.setWarning(undefined);
  }

  private left({ error }: RoomSessionEvents['left']): void {
    this.unsubscribe();
    this.state = 'disconnected';
    for (const participant of this.participants.values()) participant.setState('disconnected');
    this.participants.clear();
    this.localParticipant.setState('disconnected');
    for (const track of this.settings.ownTracks) track.stop();
    this.emit('disconnected', this, error ?? null);
  }
}

/** A received track as a Twilio remote track, in the state the model has it in. */
function remoteTrack(view: PublicationView, track: RemoteTrackView): RemoteMediaTrack {
  const remote = new RemoteMediaTrack(view.trackSid, view.kind, track.mediaStreamTrack, view.trackName);
  remote.isEnabled = track.isEnabled;
  remote.isSwitchedOff = track.isSwitchedOff;
  remote.dimensions = track.dimensions;
  return remote;
}
