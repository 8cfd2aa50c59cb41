// The Room examples of the Twilio classes seed, together: a participant view per identity.
import { connect } from '../../../dist/src/twilio/index.js';
import { token } from './token.js';

const myRoom = await connect(await token(), { name: 'my-cool-room' });
const room = myRoom;

myRoom.on('participantConnected', function(participant) {
  console.log(participant.identity + ' joined the Room');
});

room.on('trackSubscribed', function(track, participant) {
  var participantView = document.getElementById('participant-view-' + participant.identity);
  participantView.appendChild(track.attach());
});

room.on('trackUnsubscribed', function(track, participant) {
  track.detach().forEach(function(mediaElement) {
    mediaElement.remove();
  });
});

myRoom.on('participantDisconnected', function(participant) {
  console.log(participant.identity + ' left the Room');
  participant.tracks.forEach(function(track) {
    track.detach().forEach(function(mediaElement) {
      mediaElement.remove();
    });
  });
});

myRoom.on('disconnected', function(room, error) {
  if (error) {
    console.log('Unexpectedly disconnected:', error);
  }
  myRoom.localParticipant.tracks.forEach(function(track) {
    track.stop();
    track.detach();
  });
});

export { room }; // test hook
