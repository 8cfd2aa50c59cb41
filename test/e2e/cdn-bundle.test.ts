// The self-contained CDN bundle: one <script type="module">, every element registered, the same
// public API as the package, and a real join through it. Then the npm build on the same page.
import { expect } from '@open-wc/testing';
import { janusUrl, nextEvent, uniqueRoom } from '../support/helpers.js';

type Library = typeof import('../../dist/src/index.js');

describe('the CDN bundle', () => {
  it('registers the elements, exports the public API, and joins a room', async () => {
    const cdn = (await import(/* @vite-ignore */ `${location.origin}/dist/cdn/janus-room-elements.js`)) as Library;
    // Classes are compared as booleans: a failing assertion that holds a class cannot be reported.
    expect(customElements.get('video-room') === cdn.VideoRoom, '<video-room> is the bundle\'s').to.equal(true);
    expect(customElements.get('participant-tile') === cdn.ParticipantTile, '<participant-tile> is the bundle\'s').to.equal(true);
    for (const name of ['RoomSession', 'RoomNotFoundError', 'SignalingConnectionError', 'RoomError', 'createRoomError', 'roomContext', 'VERSION', 'isSupported']) {
      expect(cdn, name).to.have.property(name);
    }
    expect(new cdn.RoomNotFoundError()).to.include({ name: 'RoomNotFoundError', code: 53106 });

    const room = document.createElement('video-room');
    room.server = janusUrl();
    room.room = uniqueRoom('cdn');
    room.identity = 'Cdn User';
    document.body.append(room);
    const joined = nextEvent<{ room_session: { members: Array<{ name: string }> } }>(room, 'room.joined');
    await room.join();
    expect((await joined).detail.room_session.members.map((m) => m.name)).to.deep.equal(['Cdn User']);
    await room.leave();
    room.remove();

    // A second copy (the npm build) on the same page: no exception, the first definitions stay.
    const npm = (await import('../../dist/src/index.js')) as Library;
    expect(npm.VERSION).to.equal(cdn.VERSION);
    expect(customElements.get('video-room') === cdn.VideoRoom, 'the first definition stays').to.equal(true);
  });
});
