/**
 * One MediaStream per track, for everything that needs a track as a stream (a `<video>`'s
 * `srcObject`, an audio meter's source node). Chrome keeps every stream a track was ever put in
 * for as long as the track lives, so a fresh wrapper per use piles up: a member who stays in a
 * room while others come and go would hold one more stream for every tile or meter ever shown.
 */
const streams = new WeakMap<MediaStreamTrack, MediaStream>();

/** A stream holding `track` alone, the same one every time. */
export function streamOf(track: MediaStreamTrack): MediaStream {
  let stream = streams.get(track);
  const tracks = stream?.getTracks();
  if (!stream || tracks?.length !== 1 || tracks[0] !== track) {
    stream = new MediaStream([track]);
    streams.set(track, stream);
  }
  return stream;
}
