import { connect, createLocalAudioTrack, createLocalTracks, createLocalVideoTrack } from '../../../dist/src/twilio/index.js';
import { token as mint } from './token.js';
const token = window.SAMPLE_TOKEN ?? await mint(); // test hook: the token under test

function handleMediaError(error) {
console.error('Failed to acquire media:', error.name, error.message);
}

// Handle media error raised by createLocalAudioTrack.
createLocalAudioTrack().catch(handleMediaError);

// Handle media error raised by createLocalVideoTrack.
createLocalVideoTrack().catch(handleMediaError);

// Handle media error raised by createLocalTracks.
createLocalTracks().catch(handleMediaError);

const mediaErrors = [
'NotAllowedError',
'NotFoundError',
'NotReadableError',
'OverconstrainedError',
'TypeError'
];

// Since connect() will acquire media for the application if tracks are not provided in ConnectOptions,
// it can raise media errors.
const connecting = // test hook
connect(token, { name: 'my-cool-room' }).catch(error => {
if (mediaErrors.includes(error.name)) {
// Handle media error here.
handleMediaError(error);
}
});

connect(token, { name: 'my-cool-room' }).catch(error => {
if ('code' in error) {
// Handle connection error here.
console.error('Failed to join Room:', error.code, error.message);
}
});

export { connecting }; // test hook
