// The Twilio drop-in alone (janus-room-elements/twilio, no elements), bundled like the CDN bundle:
// what an app that only swaps its twilio-video import ships, beside twilio-video.min.js.
export * from '../src/twilio/index.js';
