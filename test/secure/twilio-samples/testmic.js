import { createLocalAudioTrack } from '../../../dist/src/twilio/index.js';
import pollAudioLevel from './pollaudiolevel.js';

const audioTrack = await createLocalAudioTrack();

// Display the audio level.
pollAudioLevel(audioTrack, level => {
/* Update audio level indicator. */
window.SAMPLE_LEVELS.push(level); // test hook
});

export { audioTrack }; // test hook
