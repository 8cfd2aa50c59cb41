/**
 * Local capture. Errors are the browser's own (`NotAllowedError`, `NotFoundError`,
 * `NotReadableError`, `OverconstrainedError`, `TypeError`), as twilio-video.js raises them.
 */

export interface CaptureOptions {
  audio: boolean | MediaTrackConstraints;
  video: boolean | MediaTrackConstraints;
}

export async function captureLocalMedia(options: CaptureOptions): Promise<MediaStream> {
  if (!options.audio && !options.video) return new MediaStream();
  const mediaDevices = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
  if (!mediaDevices?.getUserMedia) {
    // What browsers themselves raise outside a secure context (Twilio's media error table).
    throw new TypeError('navigator.mediaDevices is undefined: the page must be served from https:// or localhost');
  }
  return mediaDevices.getUserMedia({ audio: options.audio, video: options.video });
}

/** Stops every track, which releases the device (the camera light goes off). */
export function stopTracks(stream: MediaStream | null | undefined): void {
  stream?.getTracks().forEach((track) => track.stop());
}
