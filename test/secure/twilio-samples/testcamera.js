import { createLocalVideoTrack } from '../../../dist/src/twilio/index.js';

const videoTrack = await createLocalVideoTrack();

// Display the video preview.
const divContainer = document.getElementById('local-video');
const videoElement = videoTrack.attach();
divContainer.appendChild(videoElement);

export { videoTrack, videoElement }; // test hook
