/**
 * `janus-room-elements/twilio`: Twilio Video's client API on Janus. Code written for
 * `twilio-video` runs by changing its import to this module and its token to a room token of the
 * room service. The objects sit on the same room model (`RoomSession`) `<video-room>` renders.
 */
import { isWebRTCSupported } from '../janus/janus-client.js';
import { Logger } from '../util/logger.js';
import { VERSION } from '../version.js';
import { Client } from './client.js';
import { connect, createLocalAudioTrack, createLocalTracks, createLocalVideoTrack } from './connect.js';
import { LocalDataTrack } from '../room/data-tracks.js';
import { LocalAudioTrack, LocalVideoTrack } from './tracks.js';

/** Whether this browser can join rooms (WebRTC is there). */
export const isSupported: boolean = isWebRTCSupported();
export const version = VERSION;

export { connect, createLocalAudioTrack, createLocalTracks, createLocalVideoTrack, type CancelablePromise, type ConnectOptions, type CreateLocalTracksOptions } from './connect.js';
export { Room } from './room.js';
export { LocalParticipant, Participant, RemoteParticipant, type NetworkQualityConfiguration } from './participants.js';
export { LocalTrackPublication, RemoteTrackPublication } from './publications.js';
export { LocalAudioTrack, LocalMediaTrack, LocalVideoTrack, MediaTrack, RemoteDataTrack, RemoteMediaTrack, type RemoteAudioTrack, type RemoteVideoTrack } from './tracks.js';
export { LocalDataTrack, type LocalDataTrackOptions } from '../room/data-tracks.js';
export { Client } from './client.js';
export { Logger, setLogLevel, type LogLevel } from '../util/logger.js';
export * from '../errors/errors.js';

/** The namespace object twilio-video.js exports (`const Video = require('twilio-video')`). */
export default {
  connect,
  createLocalTracks,
  createLocalAudioTrack,
  createLocalVideoTrack,
  isSupported,
  version,
  Logger,
  LocalAudioTrack,
  LocalVideoTrack,
  LocalDataTrack,
  Client,
};
