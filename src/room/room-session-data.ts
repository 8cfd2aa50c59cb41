/**
 * Twilio data tracks on the room model: `publishTrack(new LocalDataTrack())` adds a data channel
 * to what this client publishes, `send()` goes to everyone, and every other member's messages
 * arrive as `trackMessage` with the sender. A member sending more than `FloodGate`'s rate has the
 * rest dropped (with one warning), so it cannot freeze the others' pages.
 */
import { TrackInvalidError } from '../errors/errors.js';
import { FloodGate } from '../util/flood-gate.js';
import { LocalDataTrack } from './data-tracks.js';
import { StatefulRoomSession } from './room-session-state.js';
import type { RoomSessionOptions } from './types.js';
import { logger } from '../util/logger.js';

/** Messages a second (and burst) one member may bring before the rest are dropped. */
const DATA_PER_SECOND = 50;
const DATA_BURST = 100;

export abstract class DataRoomSession extends StatefulRoomSession {
  private readonly dataTracks = new Set<LocalDataTrack>();
  private dataGate = new FloodGate(DATA_PER_SECOND, DATA_BURST);
  private dataWarned = 0;

  constructor(options: RoomSessionOptions) {
    super(options);
    this.events.on('reconnected', () => this.restoreData());
  }

  /** The data tracks this client publishes. */
  get localDataTracks(): ReadonlySet<LocalDataTrack> {
    return this.dataTracks;
  }

  /**
   * Publishes a track while joined (Twilio `publishTrack`): a `LocalDataTrack` resolves once its
   * data channel is open; the page's own camera or microphone `MediaStreamTrack` takes that
   * source's place (published again if `unpublishTrack` withdrew it). Extra cameras and screens
   * are published by `addCamera()` and `startScreenShare()`.
   */
  publishTrack<T extends LocalDataTrack | MediaStreamTrack>(track: T): Promise<T> {
    return this.reporting(async () => {
      if (typeof MediaStreamTrack !== 'undefined' && track instanceof MediaStreamTrack) {
        await this.publishMediaTrack(track);
        return track;
      }
      if (!(track instanceof LocalDataTrack)) throw new TypeError('publishTrack() takes a LocalDataTrack or a MediaStreamTrack');
      const publisher = this.membership?.publisher;
      if (!this.active || !publisher) throw new DOMException('publishTrack(): join the room first', 'InvalidStateError');
      await publisher.addData(this.membership!.options.timeout);
      this.dataTracks.add(track);
      // Always the current join's publisher (a reconnection brings a new one).
      track.bind((data) => {
        const current = this.membership?.publisher;
        if (!current?.hasData) return Promise.reject(new DOMException('the room is not connected', 'InvalidStateError'));
        return current.sendData(data);
      });
      return track;
    });
  }

  /**
   * Stops publishing a track: a `LocalDataTrack`'s `send()` throws again; the camera's or the
   * microphone's track stops being sent and the others see it unpublished (Twilio's
   * `trackUnpublished`), without a renegotiation. The page's own track is not stopped.
   */
  unpublishTrack<T extends LocalDataTrack | MediaStreamTrack>(track: T): T {
    if (track instanceof LocalDataTrack) {
      this.dataTracks.delete(track);
      track.bind(undefined);
    } else {
      const source = track.kind === 'video' ? 'camera' : 'microphone';
      if (this.localMedia.track(source) === track) this.local.withdraw(source).catch((error: unknown) => this.report(error));
    }
    return track;
  }

  private async publishMediaTrack(track: MediaStreamTrack): Promise<void> {
    if (track.readyState === 'ended') throw new TrackInvalidError(`${TrackInvalidError.defaultMessage}: the ${track.kind} track has ended`);
    if (!this.active) throw new DOMException('publishTrack(): join the room first', 'InvalidStateError');
    const source = track.kind === 'video' ? 'camera' : 'microphone';
    if (this.localMedia.track(source) !== track) this.localMedia.useStream(new MediaStream([track]));
    await this.local.unmute(source);
  }

  /** After a rejoin (a new publisher), the data channel is added again for the published data tracks. */
  private restoreData(): void {
    const publisher = this.membership?.publisher;
    if (this.dataTracks.size === 0 || !publisher || publisher.hasData) return;
    publisher.addData(this.membership!.options.timeout).catch((error: unknown) => this.report(error));
  }

  protected override onData(memberId: string, data: string | ArrayBuffer): void {
    if (!this.dataGate.admit(memberId, Date.now())) {
      if (Date.now() - this.dataWarned > 10_000) {
        this.dataWarned = Date.now();
        logger.warn(`janus-room-elements: dropping data messages from member "${memberId}": more than ${DATA_PER_SECOND} a second`);
      }
      return;
    }
    const record = this.membership?.roster.get(memberId);
    const participant = record && this.snapshot.participants.get(record.parentId ?? record.id);
    if (!participant) return;
    const track = Object.freeze({ kind: 'data' as const, sid: `${memberId}:${record.dataMid ?? 'data'}`, name: 'data' });
    this.events.emit('trackMessage', { data, track, participant });
  }
}
