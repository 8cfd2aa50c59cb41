// The room's chat under the room service: the service creates the TextRoom room with the video
// room and lets in the join tokens of everyone it admits (the audience too), and Janus refuses
// a join without one.
import { expect, fixture, html } from '@open-wc/testing';
import type { ChatMessage, RoomChat, VideoRoom } from '../../dist/src/index.js';
import { ChatClient } from '../../dist/src/index.js';
import { nextEvent, rejection, uniqueRoom } from '../support/helpers.js';
import { roomToken } from './secure-helpers.js';

let seats = 0;
async function seat(room: string, identity: string, audience = false): Promise<{ room: VideoRoom; chat: RoomChat }> {
  const token = await roomToken({ room, identity, ...(audience ? { audience: true } : {}) });
  const id = `secure-chat-${seats++}`;
  const wrapper = await fixture<HTMLDivElement>(html`<div>
    <video-room id=${id} token=${token} audio="false" video="false"></video-room>
    <room-chat for=${id}></room-chat>
  </div>`);
  const element = wrapper.querySelector('video-room') as unknown as VideoRoom;
  const chat = wrapper.querySelector('room-chat') as unknown as RoomChat;
  const joined = nextEvent(chat, 'channelJoined');
  await element.join();
  await joined;
  return { room: element, chat };
}

describe('the room chat with tokens', () => {
  it('a member and an audience member chat in the channel the service made; a join without a token is refused by Janus', async () => {
    const room = uniqueRoom('secure-chat');
    const alice = await seat(room, 'Alice');
    const viewer = await seat(room, 'Viewer', true);
    expect(viewer.room.interactivityMode).to.equal('audience');

    const toViewer = nextEvent<{ message: ChatMessage }>(viewer.chat, 'messageAdded', (d) => d.message.body === 'welcome');
    await alice.chat.channel!.sendMessage('welcome');
    expect((await toViewer).detail.message.author).to.equal('Alice');
    const toAlice = nextEvent<{ message: ChatMessage }>(alice.chat, 'messageAdded', (d) => d.message.body === 'thanks');
    await viewer.chat.channel!.sendMessage('thanks');
    expect((await toAlice).detail.message.author).to.equal('Viewer');

    // On Alice's own Janus session (its core token is good) but without a join token: refused.
    const intruder = new ChatClient({ identity: 'Eve', source: { ...alice.room.roomSession.chatSource(), token: () => undefined } });
    await intruder.initialize();
    const channel = await intruder.getChannelByUniqueName(room);
    const refused = (await rejection(channel.join())) as Error & { code?: number; cause?: { janusCode?: number } };
    expect(refused.name).to.equal('AccessTokenGrantsInvalidError');
    expect(refused.code).to.equal(20106);
    expect(refused.cause?.janusCode).to.equal(419);
    await intruder.shutdown();
  });
});
