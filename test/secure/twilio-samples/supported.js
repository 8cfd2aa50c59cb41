const { isSupported } = await import('../../../dist/src/twilio/index.js');
if (isSupported) {
// Set up your video app.
window.SAMPLE_SUPPORTED = true;
} else {
console.error('This browser is not supported by twilio-video.js.');
}
