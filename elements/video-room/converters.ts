/** Attribute converters of `<video-room>`, and its properties read as the room model's options. */
import type { ComplexAttributeConverter } from 'lit';
import type { RoomSessionOptions } from '../../src/room/types.js';

/** A boolean that is on unless the attribute says "false" (or "0", "off", "no"). */
export const onUnlessFalse: ComplexAttributeConverter<boolean> = {
  fromAttribute: (value) => value === null || !['false', '0', 'off', 'no'].includes(value.trim().toLowerCase()),
  toAttribute: (value) => (value ? null : 'false'),
};

/** Absent: undefined (the library decides); "false", "0", "off", "no": false; anything else: true. */
export const autoBoolean: ComplexAttributeConverter<boolean | undefined> = {
  fromAttribute: (value) => (value === null ? undefined : onUnlessFalse.fromAttribute!(value, Boolean)),
  toAttribute: (value) => (value === undefined ? null : value ? '' : 'false'),
};

/** The properties of `<video-room>` that configure its room. */
type JoinFields = Required<Pick<
  RoomSessionOptions,
  'server' | 'room' | 'identity' | 'audio' | 'video' | 'create' | 'timeout' | 'reconnectWindow' | 'iceServers' | 'stopCameraWhileMuted' | 'stopMicrophoneWhileMuted' | 'simulcast'
  >
> & { token: string; pin: string; bandwidthProfile: RoomSessionOptions['bandwidthProfile'] | undefined; stopCameraInBackground: boolean | undefined; inputSensitivity: number | undefined };

/** The room model's options, from `<video-room>`'s properties (unset optional ones left out). */
export function joinOptionsOf(room: JoinFields): RoomSessionOptions {
  return {
    ...(room.token ? { token: room.token } : {}),
    server: room.server,
    room: room.room,
    identity: room.identity,
    ...(room.pin ? { pin: room.pin } : {}),
    audio: room.audio,
    video: room.video,
    create: room.create,
    timeout: room.timeout,
    reconnectWindow: room.reconnectWindow,
    iceServers: room.iceServers,
    stopCameraWhileMuted: room.stopCameraWhileMuted,
    stopMicrophoneWhileMuted: room.stopMicrophoneWhileMuted,
    simulcast: room.simulcast,
    ...(room.bandwidthProfile === undefined ? {} : { bandwidthProfile: room.bandwidthProfile }),
    ...(room.stopCameraInBackground === undefined ? {} : { stopCameraInBackground: room.stopCameraInBackground }),
    ...(room.inputSensitivity === undefined || Number.isNaN(room.inputSensitivity) ? {} : { inputSensitivity: room.inputSensitivity }),
  };
}
