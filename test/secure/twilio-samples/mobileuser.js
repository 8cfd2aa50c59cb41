import { connect, createLocalTracks, createLocalVideoTrack } from '../../../dist/src/twilio/index.js';
import { token } from './token.js';

const tracks = await createLocalTracks();

let videoTrack = tracks.find(track => track.kind === 'video');

const room = await connect(await token(), {
name: 'my-cool-room',
tracks
});

if (/* isMobile */ true) {
document.addEventListener('visibilitychange', async () => {
if (document.visibilityState === 'hidden') {
// The app has been backgrounded. So, stop and unpublish your LocalVideoTrack.
videoTrack.stop();
room.localParticipant.unpublishTrack(videoTrack);
} else {
// The app has been foregrounded, So, create and publish a new LocalVideoTrack.
videoTrack = await createLocalVideoTrack();
await room.localParticipant.publishTrack(videoTrack);
}
});
}

export { room, tracks }; // test hook
