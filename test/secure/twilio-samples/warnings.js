import { connect } from '../../../dist/src/twilio/index.js';
import { token } from './token.js';

// Enable Media Warnings
const room = await connect(await token(), {
notifyWarnings: [ 'recording-media-lost' ]
// Other connect options
});

// Catch Media Warnings
Array.from(room.localParticipant.tracks.values()).forEach(publication => {
publication.on('warning', name => {
if (name === 'recording-media-lost') {
console.log(`LocalTrack ${publication.track.name} is not recording media.`);

// Wait a reasonable amount of time to clear the warning.
const timer = setTimeout(() => {
// If the warning is not cleared, you can manually
// reconnect to the room, or show a dialog to the user
}, 5000);

publication.once('warningsCleared', () => {
console.log(`LocalTrack ${publication.track.name} warnings have cleared!`);
clearTimeout(timer);
});
}
});
});

export { room }; // test hook
