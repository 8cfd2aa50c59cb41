import { createLocalTracks, connect } from '../../../dist/src/twilio/index.js';
import { token } from './token.js';

const tracks = await createLocalTracks();

// Display camera preview.
const localVideoTrack = tracks.find(track => track.kind === 'video');
divContainer.appendChild(localVideoTrack.attach());

// Join the Room with the pre-acquired LocalTracks.
const room = await connect(await token(), {
name: 'my-cool-room',
tracks
});

export { tracks, room }; // test hook
