import { createLocalTracks, connect } from '../../../dist/src/twilio/index.js';
import { token } from './token.js';

const tracks = await createLocalTracks();

const room = await connect(await token(), {
name: 'my-cool-room',
tracks
});

// Listen to the "beforeunload" event on window to leave the Room
// when the tab/browser is being closed.
window.addEventListener('beforeunload', () => room.disconnect());

// iOS Safari does not emit the "beforeunload" event on window.
// Use "pagehide" instead.
window.addEventListener('pagehide', () => room.disconnect());

export { room, tracks }; // test hook
