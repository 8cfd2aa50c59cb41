import { connect } from '../../../dist/src/twilio/index.js';
import { token } from './token.js';

function setupRemoteVideoNotifications(publication) {
if (publication.isSubscribed) {
// Indicate to the user that the mobile user has added video.
}

publication.on('subscribed', track => {
// Indicate to the user that the mobile user has added video.
});

publication.on('unsubscribed', track => {
// Indicate to the user that the mobile user has removed video.
});
}

function setupRemoteVideoNotificationsForParticipant(participant) {
// Set up remote video notifications for the VideoTracks that are
// already published.
participant.videoTracks.forEach(setupRemoteVideoNotifications);

// Set up remote video notifications for the VideoTracks that will be
// published later.
participant.on('trackPublished', setupRemoteVideoNotifications);
}

const room = await connect(await token(), { name: 'my-cool-room' });

// Set up remote video notifications for the VideoTracks of RemoteParticipants
// already in the Room.
room.participants.forEach(setupRemoteVideoNotificationsForParticipant);

// Set up remote video notifications for the VideoTracks of RemoteParticipants
// that will join the Room later.
room.on('participantConnected', setupRemoteVideoNotificationsForParticipant);

export { room }; // test hook
