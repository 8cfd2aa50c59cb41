/**
 * Local media that outlives a join: the camera and microphone tracks, the devices they come from,
 * the chosen speaker, and who needs them. `<local-preview>` shows the tracks before joining,
 * `join()` publishes the same ones (no second capture), and switching devices replaces them in
 * place. Capture errors are the browser's own (`NotAllowedError`, `NotFoundError`,
 * `NotReadableError`, `OverconstrainedError`, `TypeError`), as twilio-video.js raises them.
 */
import mitt, { type Emitter } from 'mitt';
import { deviceOf, getUserMedia, isPresent, listDevices, supportsSpeakerSelection, watchDevices, type DeviceInfo } from './devices.js';
import { serial } from '../util/serial.js';

export const CAPTURE_SOURCES = ['camera', 'microphone'] as const;
export type CaptureSource = (typeof CAPTURE_SOURCES)[number];

/** `true` (any device), `false` (none), or constraints (a device, a facing mode, a size...). */
export type Constraints = boolean | MediaTrackConstraints;

export type LocalMediaEvents = {
  /** The track of a source changed: captured, switched, stopped, or replaced by the page's own. */
  track: { source: CaptureSource; track: MediaStreamTrack | null };
  /** A source (or the speaker) moved to another device (SignalWire `camera.updated`...). */
  device: { source: CaptureSource | 'speaker'; previous: DeviceInfo; current: DeviceInfo };
  /** The device a source (or the speaker) used went away (SignalWire `camera.disconnected`...). */
  deviceLost: { source: CaptureSource | 'speaker'; device: DeviceInfo };
  /** Falling back to another device after one went away failed. */
  error: { source: CaptureSource; error: Error };
};

interface Source {
  track: MediaStreamTrack | null;
  /** Captured here (and so stopped here); the page's own tracks never are. */
  owned: boolean;
  /** What the next capture asks for: the device chosen last, and any other constraints. */
  constraints: MediaTrackConstraints;
  /** The device of the current (or the last) track. */
  device: DeviceInfo | null;
}

const KIND = { camera: 'video', microphone: 'audio' } as const;
const DEFAULT_SPEAKER: DeviceInfo = Object.freeze({ deviceId: '', label: '' });

const sameDevice = (a: DeviceInfo, b: DeviceInfo) => a.deviceId === b.deviceId && a.label === b.label;

function withoutDevice({ deviceId: _ignored, ...rest }: MediaTrackConstraints): MediaTrackConstraints {
  return rest;
}

/** What getUserMedia is asked for one kind: these constraints, or (none given) any device. */
const ask = (constraints: MediaTrackConstraints): MediaTrackConstraints | true => (Object.keys(constraints).length > 0 ? constraints : true);

/** Stops every track of a stream. */
export function stopTracks(stream: MediaStream | null | undefined): void {
  stream?.getTracks().forEach((track) => track.stop());
}

export class LocalMedia {
  readonly events: Emitter<LocalMediaEvents> = mitt<LocalMediaEvents>();
  private readonly sources: Record<CaptureSource, Source> = {
    camera: { track: null, owned: false, constraints: {}, device: null },
    microphone: { track: null, owned: false, constraints: {}, device: null },
  };
  private speakerValue: DeviceInfo = DEFAULT_SPEAKER;
  private readonly holders = new Set<object>();
  private unwatch: (() => void) | undefined;
  /** Captures run one at a time. */
  private readonly serially = serial();

  /** The live track of `source`, if any. */
  track(source: CaptureSource): MediaStreamTrack | null {
    return this.sources[source].track;
  }

  /** The device of `source`'s current (or last) track. */
  device(source: CaptureSource): DeviceInfo | null {
    return this.sources[source].device;
  }

  /** The chosen speaker (`deviceId` empty: the system's default). */
  get speaker(): DeviceInfo {
    return this.speakerValue;
  }

  /** Whether anyone holds the tracks (so capturing is wanted now). */
  get held(): boolean {
    return this.holders.size > 0;
  }

  /** Keeps the tracks alive for `holder` (a room while joined, a preview while shown). */
  hold(holder: object): void {
    this.holders.add(holder);
    this.unwatch ??= watchDevices(this.onDeviceChange);
  }

  /** `holder` no longer needs the tracks; when nobody does, the devices are released. */
  release(holder: object): void {
    if (!this.holders.delete(holder) || this.holders.size > 0) return;
    this.unwatch?.();
    this.unwatch = undefined;
    for (const source of CAPTURE_SOURCES) this.setTrack(source, null, false);
  }

  /**
   * Makes sure each source `want` names has a live track: one already live is kept (unless `want`
   * gives constraints of its own, which apply to this capture only), the rest are captured in one
   * getUserMedia call. Rejects with the browser's error and changes nothing then.
   */
  acquire(want: Partial<Record<CaptureSource, Constraints>>): Promise<void> {
    return this.serially(async () => {
      const request: MediaStreamConstraints = {};
      for (const source of CAPTURE_SOURCES) {
        const asked = want[source];
        const current = this.sources[source];
        if (!asked || (asked === true && current.track?.readyState === 'live')) continue;
        request[KIND[source]] = ask(typeof asked === 'object' ? asked : current.constraints);
      }
      if (!request.audio && !request.video) return;
      this.adopt(await getUserMedia(request));
    });
  }

  /**
   * Switches `source` to other constraints (another `deviceId`, `facingMode: 'environment'`...)
   * and remembers them for later captures. A live track is replaced at once; the old one is
   * stopped only after the new one works. Rejects with the browser's error, keeping the old track.
   */
  update(source: CaptureSource, constraints: MediaTrackConstraints): Promise<void> {
    if (typeof constraints !== 'object' || constraints === null || Array.isArray(constraints)) {
      const method = source === 'camera' ? 'updateCamera' : 'updateMicrophone';
      return Promise.reject(new RangeError(`${method}() needs MediaTrackConstraints, such as { deviceId: "..." } or { facingMode: "environment" }`));
    }
    return this.serially(async () => {
      const current = this.sources[source];
      if (current.track?.readyState !== 'live') {
        current.constraints = { ...constraints };
        return;
      }
      let stream: MediaStream;
      try {
        stream = await getUserMedia({ [KIND[source]]: constraints });
      } catch (error) {
        // Some devices (phone cameras) cannot be open twice: free the old one and try once more.
        if ((error as Error).name !== 'NotReadableError' || !current.owned) throw error;
        this.setTrack(source, null, false);
        stream = await getUserMedia({ [KIND[source]]: constraints });
      }
      current.constraints = { ...constraints };
      this.adopt(stream);
    });
  }

  /** Stops `source`'s device (a mute that turns the camera light off); `restart` gets it back. */
  stop(source: CaptureSource): void {
    if (this.sources[source].owned) this.setTrack(source, null, false);
  }

  /** Captures `source` again from the device it used last (or the default one, if that is gone). */
  restart(source: CaptureSource): Promise<MediaStreamTrack> {
    return this.serially(async () => {
      const current = this.sources[source];
      if (current.track?.readyState === 'live') return current.track;
      const lastDevice = current.device?.deviceId;
      const constraints = lastDevice ? { ...current.constraints, deviceId: { exact: lastDevice } } : current.constraints;
      let stream: MediaStream;
      try {
        stream = await getUserMedia({ [KIND[source]]: ask(constraints) });
      } catch (error) {
        if (!lastDevice || !['OverconstrainedError', 'NotFoundError'].includes((error as Error).name)) throw error;
        // The device went away meanwhile: the default one will do.
        this.events.emit('deviceLost', { source, device: current.device! });
        stream = await getUserMedia({ [KIND[source]]: ask(withoutDevice(current.constraints)) });
      }
      this.adopt(stream);
      return current.track!;
    });
  }

  /**
   * Uses the page's own tracks instead of captured ones (SignalWire `setLocalStream`): its video
   * replaces the camera, its audio the microphone (a kind it lacks stays as it is). They are
   * never stopped here: the page owns them.
   */
  useStream(stream: MediaStream): void {
    this.take(stream, false);
  }

  /** Sends audio to another speaker (validated against the devices the browser lists). */
  async setSpeaker(deviceId: string): Promise<void> {
    if (!supportsSpeakerSelection()) throw new DOMException('This browser cannot choose a speaker (no setSinkId)', 'NotSupportedError');
    const speakers = (await listDevices()).speaker;
    const next = deviceId === '' || deviceId === 'default' ? (speakers.find((s) => s.deviceId === 'default') ?? DEFAULT_SPEAKER) : speakers.find((s) => s.deviceId === deviceId);
    if (!next) throw new DOMException(`Requested device not found: no speaker with id "${deviceId}"`, 'NotFoundError');
    const previous = this.speakerValue;
    this.speakerValue = next;
    if (!sameDevice(previous, next)) this.events.emit('device', { source: 'speaker', previous, current: next });
  }

  /** Takes the tracks of a fresh capture, unless nobody needs them any more. */
  private adopt(stream: MediaStream): void {
    if (this.holders.size === 0) stopTracks(stream);
    else this.take(stream, true);
  }

  /** A stream's video becomes the camera, its audio the microphone (a kind it lacks stays). */
  private take(stream: MediaStream, owned: boolean): void {
    const video = stream.getVideoTracks()[0];
    const audio = stream.getAudioTracks()[0];
    if (video) this.setTrack('camera', video, owned);
    if (audio) this.setTrack('microphone', audio, owned);
  }

  private setTrack(source: CaptureSource, track: MediaStreamTrack | null, owned: boolean): void {
    const current = this.sources[source];
    const previous = current.track;
    if (previous === track) return;
    if (previous && current.owned) previous.stop();
    current.track = track;
    current.owned = owned;
    const lastDevice = current.device;
    if (track) {
      current.device = deviceOf(track);
      // A device unplugged (or a permission revoked) ends the track.
      track.addEventListener('ended', () => this.lost(source, track), { once: true });
    }
    this.events.emit('track', { source, track });
    if (track && lastDevice && current.device && !sameDevice(lastDevice, current.device)) {
      this.events.emit('device', { source, previous: lastDevice, current: current.device });
    }
  }

  private readonly onDeviceChange = async () => {
    const lists = await listDevices();
    for (const source of CAPTURE_SOURCES) {
      const { track, owned, device } = this.sources[source];
      if (track && owned && device && !isPresent(device, lists[source])) this.lost(source, track);
    }
    if (!isPresent(this.speakerValue, lists.speaker)) {
      const lost = this.speakerValue;
      this.speakerValue = DEFAULT_SPEAKER;
      this.events.emit('deviceLost', { source: 'speaker', device: lost });
      this.events.emit('device', { source: 'speaker', previous: lost, current: DEFAULT_SPEAKER });
    }
  };

  /**
   * A live track ended. A device went away (unplugged, or a permission revoked): say so, and fall
   * back to the default device. The page's own track (`useStream`) the page ended: nothing is
   * sent in its place, and no device is turned on that the page did not ask for.
   */
  private lost(source: CaptureSource, track: MediaStreamTrack): void {
    const current = this.sources[source];
    if (current.track !== track) return;
    const { device, owned } = current;
    this.setTrack(source, null, false);
    if (!owned) return;
    this.events.emit('deviceLost', { source, device: device! });
    if (this.holders.size === 0) return;
    current.constraints = withoutDevice(current.constraints);
    this.acquire({ [source]: true }).catch((error: unknown) => this.events.emit('error', { source, error: error as Error }));
  }
}
