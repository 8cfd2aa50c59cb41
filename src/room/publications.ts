/**
 * What the local member publishes, by source (camera, microphone): the track, and the mid it has
 * on the publisher PeerConnection.
 */
import type { VideoRoomPublisher } from '../janus/videoroom/publisher.js';
import type { TrackKind, TrackSource } from './types.js';

export type LocalSource = Extract<TrackSource, 'camera' | 'microphone'>;

export const LOCAL_SOURCES: readonly LocalSource[] = ['microphone', 'camera'];

export const kindOf = (source: LocalSource): TrackKind => (source === 'camera' ? 'video' : 'audio');

export interface LocalPublication {
  readonly source: LocalSource;
  readonly kind: TrackKind;
  /** The track being sent. */
  readonly track: MediaStreamTrack;
  /** Its mid on the publisher PeerConnection. */
  readonly mid: string;
}

export type LocalPublications = ReadonlyMap<LocalSource, LocalPublication>;

export const NO_PUBLICATIONS: LocalPublications = new Map();

/** Publishes one track per source on `publisher`; resolves with the publications. */
export async function publish(
  publisher: VideoRoomPublisher,
  tracks: ReadonlyMap<LocalSource, MediaStreamTrack>,
): Promise<LocalPublications> {
  const mids = await publisher.publish([...tracks.values()]);
  const publications = new Map<LocalSource, LocalPublication>();
  for (const [source, track] of tracks) {
    const mid = mids.get(track);
    if (mid !== undefined) publications.set(source, { source, kind: kindOf(source), track, mid });
  }
  return publications;
}
