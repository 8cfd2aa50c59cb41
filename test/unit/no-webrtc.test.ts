// Importing the library in a page without WebRTC must not throw.
import { expect } from '@open-wc/testing';
import { rejection } from '../support/helpers.js';

describe('a page without WebRTC', () => {
  it('imports the library, registers the elements, and refuses to join with NotSupportedError', async () => {
    const w = window as unknown as Record<string, unknown>;
    delete w['RTCPeerConnection'];
    delete w['webkitRTCPeerConnection'];
    delete w['RTCSessionDescription'];
    delete w['RTCIceCandidate'];
    expect(typeof w['RTCPeerConnection']).to.equal('undefined');

    const library = await import('../../src/index.js');
    expect(library.isSupported).to.equal(false);
    expect(customElements.get('video-room') === library.VideoRoom, '<video-room> registered').to.equal(true);
    expect(customElements.get('participant-tile') === library.ParticipantTile, '<participant-tile> registered').to.equal(true);

    const room = new library.RoomSession({ server: 'ws://127.0.0.1:8188', room: 'r', identity: 'A', audio: false, video: false });
    const error = await rejection(room.join());
    expect(error.name).to.equal('NotSupportedError');
    expect(room.state).to.equal('disconnected');
  });
});
