import { createLocalTracks, connect } from '../../../dist/src/twilio/index.js';
import { token } from './token.js';

const tracks = await createLocalTracks({
audio: true,
video: { facingMode: 'user' }
});

// Join the Room with the pre-acquired LocalTracks.
const room = await connect(await token(), {
name: 'my-cool-room',
tracks
});

const cameraTrack = tracks.find(track => track.kind === 'video');

// Switch to the back facing camera.
const restarted = // test hook
cameraTrack.restart({ facingMode: 'environment' });

export { room, cameraTrack, restarted }; // test hook
