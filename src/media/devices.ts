/**
 * Cameras, microphones and speakers: listing them, noticing when they come and go, and what a
 * browser supports. Safe to import anywhere: nothing runs until called.
 */

export const DEVICE_KINDS = ['camera', 'microphone', 'speaker'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** A device as SignalWire's `camera.updated` and friends describe it. */
export interface DeviceInfo {
  readonly deviceId: string;
  /** Empty until the page has had permission to use a device of this kind. */
  readonly label: string;
}

export type DeviceLists = Readonly<Record<DeviceKind, readonly DeviceInfo[]>>;

const BROWSER_KINDS: Record<MediaDeviceKind, DeviceKind> = { videoinput: 'camera', audioinput: 'microphone', audiooutput: 'speaker' };

export const NO_DEVICES: DeviceLists = Object.freeze({ camera: [], microphone: [], speaker: [] });

export function mediaDevices(): MediaDevices | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
}

/** getUserMedia, or the error browsers raise outside a secure context (Twilio's media error table). */
export function getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream> {
  const devices = mediaDevices();
  if (!devices?.getUserMedia) {
    return Promise.reject(new TypeError('navigator.mediaDevices is undefined: the page must be served from https:// or localhost'));
  }
  return devices.getUserMedia(constraints);
}

/** Whether this browser can share a screen (mobile browsers cannot: no `getDisplayMedia`). */
export function supportsScreenShare(): boolean {
  return typeof mediaDevices()?.getDisplayMedia === 'function';
}

/**
 * getDisplayMedia: the browser's picker. A cancelled picker rejects with `NotAllowedError`; a
 * browser without screen sharing with `NotSupportedError`.
 */
export function getDisplayMedia(constraints: DisplayMediaStreamOptions): Promise<MediaStream> {
  if (!supportsScreenShare()) {
    return Promise.reject(new DOMException('This browser cannot share a screen (no getDisplayMedia): mobile browsers cannot', 'NotSupportedError'));
  }
  return mediaDevices()!.getDisplayMedia(constraints);
}

/** Whether audio output can be sent to a chosen speaker (`HTMLMediaElement.setSinkId`). */
export function supportsSpeakerSelection(): boolean {
  return typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
}

/** Every camera, microphone and speaker (speakers only where they can be chosen). */
export async function listDevices(): Promise<DeviceLists> {
  const devices = await mediaDevices()?.enumerateDevices?.();
  if (!devices) return NO_DEVICES;
  const lists: Record<DeviceKind, DeviceInfo[]> = { camera: [], microphone: [], speaker: [] };
  for (const device of devices) {
    const kind = BROWSER_KINDS[device.kind];
    // Before permission, browsers list one anonymous device per kind (empty deviceId).
    if (!kind || !device.deviceId || (kind === 'speaker' && !supportsSpeakerSelection())) continue;
    lists[kind].push(Object.freeze({ deviceId: device.deviceId, label: device.label }));
  }
  return lists;
}

/** The device a captured track comes from (a canvas or a remote track has none: empty id). */
export function deviceOf(track: MediaStreamTrack): DeviceInfo {
  return Object.freeze({ deviceId: track.getSettings().deviceId ?? '', label: track.label });
}

/** Calls `listener` whenever devices are plugged in or out; returns the unsubscribe. */
export function watchDevices(listener: () => void): () => void {
  const devices = mediaDevices();
  devices?.addEventListener?.('devicechange', listener);
  return () => devices?.removeEventListener?.('devicechange', listener);
}

/** Whether `device` is still among `list` (by id; a device without an id never goes away). */
export const isPresent = (device: DeviceInfo, list: readonly DeviceInfo[]): boolean =>
  !device.deviceId || device.deviceId === 'default' || list.some((d) => d.deviceId === device.deviceId);
