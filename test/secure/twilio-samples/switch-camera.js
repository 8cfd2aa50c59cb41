import { createLocalTracks, createLocalVideoTrack, connect } from '../../../dist/src/twilio/index.js';
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

// Capture the back facing camera.
const backFacingTrack = await createLocalVideoTrack({ facingMode: 'environment' });

// Switch to the back facing camera.
const frontFacingTrack = tracks.find(track => track.kind === 'video');
frontFacingTrack.stop();
room.localParticipant.unpublishTrack(frontFacingTrack);
room.localParticipant.publishTrack(backFacingTrack);

export { room, backFacingTrack, frontFacingTrack }; // test hook
