// <room-chat> on Janus TextRoom, over the room's own Janus session: members, messages with their
// documented payloads and history for late joiners, typing signals, inert text, and the client's
// connection states. Real Janus, real Chromium.
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { ChatConnectionState, ChatMember, ChatMessage, RoomChat, VideoRoom } from '../../dist/src/index.js';
import '../../dist/src/index.js';
import { janusUrl, nextEvent, rejection, uniqueRoom, until } from '../support/helpers.js';

interface Seat {
  room: VideoRoom;
  chat: RoomChat;
  /** Everyone this chat heard join, from the start. */
  joined: string[];
}

let seats = 0;
/** A `<video-room>` (no media) with a `<room-chat>` beside it, joined. */
async function seat(roomName: string, identity: string, server = janusUrl()): Promise<Seat> {
  const id = `chat-room-${seats++}`;
  const wrapper = await fixture<HTMLDivElement>(html`<div>
    <video-room id=${id} server=${server} room=${roomName} identity=${identity} audio="false" video="false"></video-room>
    <room-chat for=${id}></room-chat>
  </div>`);
  const room = wrapper.querySelector('video-room') as unknown as VideoRoom;
  const chat = wrapper.querySelector('room-chat') as unknown as RoomChat;
  const seen: string[] = [];
  chat.addEventListener('memberJoined', (e) => seen.push(e.detail.member.identity));
  const joined = nextEvent(chat, 'channelJoined');
  await room.join();
  await joined;
  return { room, chat, joined: seen };
}

const messageFrom = (chat: RoomChat, body: string) => nextEvent<{ message: ChatMessage }>(chat, 'messageAdded', (d) => d.message.body === body);

describe('<room-chat>', function () {
  this.timeout(60_000);

  it('members see each other join, messages arrive with author, body and timestamp, and a late joiner gets the history in order', async () => {
    const roomName = uniqueRoom('chat');
    const alice = await seat(roomName, 'Alice');
    const aliceSeesBob = nextEvent<{ member: ChatMember }>(alice.chat, 'memberJoined', (d) => d.member.identity === 'Bob');
    const bob = await seat(roomName, 'Bob');
    expect((await aliceSeesBob).detail.member.sid).to.equal(bob.room.memberId);
    // Bob joined after Alice: he hears of her as the channel's members load.
    expect(bob.joined).to.deep.equal(['Alice']);
    expect(alice.joined).to.deep.equal(['Bob']);
    expect((await bob.chat.channel!.getMembers()).map((m: ChatMember) => m.identity).sort()).to.deep.equal(['Alice', 'Bob']);

    const sent = Date.now();
    const arrived = messageFrom(bob.chat, 'Hello Bob');
    const index = await alice.chat.channel!.sendMessage('Hello Bob');
    const { message } = (await arrived).detail;
    expect(message).to.include({ author: 'Alice', body: 'Hello Bob', index, memberSid: alice.room.memberId });
    expect(message.timestamp).to.be.instanceOf(Date);
    expect(Math.abs(message.timestamp.getTime() - sent)).to.be.below(5000);
    const reply = messageFrom(alice.chat, 'Hi Alice');
    await bob.chat.channel!.sendMessage('Hi Alice');
    await reply;

    // Edits and removals (TextRoom has neither): messages every client applies; only the author's count.
    const refused = await rejection(bob.chat.channel!.messages[0]!.updateBody('forged'));
    expect((refused as Error & { code?: number }).code).to.equal(20106);
    const updated = nextEvent<{ message: ChatMessage; updateReasons: string[] }>(bob.chat, 'messageUpdated');
    await alice.chat.channel!.messages[0]!.updateBody('Hello, Bob');
    expect((await updated).detail.message).to.include({ body: 'Hello, Bob', sid: message.sid });
    const oops = messageFrom(bob.chat, 'oops');
    await alice.chat.channel!.sendMessage('oops');
    await oops;
    const removed = nextEvent<{ message: ChatMessage }>(bob.chat, 'messageRemoved');
    await alice.chat.channel!.messages.find((m: ChatMessage) => m.body === 'oops')!.remove();
    expect((await removed).detail.message.body).to.equal('oops');

    // Carol joins late: the history, in order, with authors.
    const carol = await seat(roomName, 'Carol');
    const { items } = await carol.chat.channel!.getMessages();
    // The history replays the edit and the removal too.
    expect(items.map((m: ChatMessage) => [m.author, m.body])).to.deep.equal([
      ['Alice', 'Hello, Bob'],
      ['Bob', 'Hi Alice'],
    ]);
    // And it shows: both messages are rendered in her list (once on screen: only what shows is rendered).
    carol.chat.scrollIntoView();
    await until(() => carol.chat.shadowRoot!.querySelectorAll('[part~="message"]').length, (n) => n === 2, 'two messages rendered');

    // Scrolled up, a new message counts as unread; scrolled back to the end, it is read.
    const list = carol.chat.shadowRoot!.querySelector<HTMLElement>('[part~="messages"]')!;
    for (let i = 1; i <= 6; i++) await alice.chat.channel!.sendMessage(`line ${i}`);
    await until(() => list.scrollHeight - list.clientHeight, (n) => n > 30, 'a list taller than its box');
    // It followed the new lines to its end, so none of them is unread; then Carol scrolls up.
    await until(() => list.scrollHeight - list.scrollTop - list.clientHeight, (n) => n < 24, 'the list following its end');
    expect(carol.chat.unreadCount).to.equal(0);
    // The list re-follows its end on the next frames (once the new lines are laid out): let it.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const scrolled = new Promise((resolve) => list.addEventListener('scroll', resolve, { once: true }));
    list.scrollTop = 0;
    await scrolled;
    const late = messageFrom(carol.chat, 'are you there?');
    await alice.chat.channel!.sendMessage('are you there?');
    await late;
    await carol.chat.updateComplete;
    expect(carol.chat.unreadCount).to.equal(1);
    expect(carol.chat.shadowRoot!.querySelector('[part~="unread"]')!.hasAttribute('hidden')).to.equal(false);
    // Carol scrolls down to the end (as a wheel would, until there is no more to scroll).
    await until(
      () => {
        list.scrollTop = list.scrollHeight;
        return carol.chat.unreadCount;
      },
      (n) => n === 0,
      'the unread count cleared',
    );
  });

  it('typing: B hears A start, then stop after the timeout, and at once when A sends', async () => {
    const roomName = uniqueRoom('typing');
    const alice = await seat(roomName, 'Alice');
    const bob = await seat(roomName, 'Bob');
    await until(() => alice.chat.channel!.members.size, (n) => n === 2, 'Alice knowing Bob');
    const input = alice.chat.shadowRoot!.querySelector<HTMLTextAreaElement>('[part~="input"]')!;
    const press = (key: string) => input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));

    let started = nextEvent<{ member: ChatMember }>(bob.chat, 'typingStarted');
    press('h');
    expect((await started).detail.member.identity).to.equal('Alice');
    await until(() => bob.chat.shadowRoot!.querySelector('[part~="typing"]')!.textContent!, (t) => t.includes('Alice is typing'), 'the typing line');
    const since = performance.now();
    await nextEvent(bob.chat, 'typingEnded');
    expect(performance.now() - since).to.be.above(3000);

    started = nextEvent(bob.chat, 'typingStarted');
    press('i');
    await started;
    const ended = nextEvent(bob.chat, 'typingEnded');
    const message = messageFrom(bob.chat, 'hi');
    const sentAt = performance.now();
    input.value = 'hi';
    press('Enter');
    await ended;
    expect(performance.now() - sentAt).to.be.below(2000);
    await message;
    expect(input.value).to.equal('');
  });

  it('renders markup and script in a message as text, and runs none of it', async () => {
    const roomName = uniqueRoom('inert');
    const alice = await seat(roomName, 'Alice <b>A</b>');
    const bob = await seat(roomName, 'Bob');
    const hostile = '<img src=x onerror="window.__chatPwned=1"><script>window.__chatPwned=2</script><b>bold</b>';
    const arrived = messageFrom(bob.chat, hostile);
    await alice.chat.channel!.sendMessage(hostile);
    await arrived;
    const body = await until(() => bob.chat.shadowRoot!.querySelector<HTMLElement>('[part~="body"]'), (b): b is HTMLElement => b !== null, 'the message rendered');
    expect(body.textContent).to.equal(hostile);
    expect(body.querySelector('img, script, b')).to.equal(null);
    expect(bob.chat.shadowRoot!.querySelector('[part~="author"]')!.textContent).to.equal('Alice <b>A</b>');
    expect((window as unknown as { __chatPwned?: number }).__chatPwned).to.equal(undefined);
  });

  it('shutdown() goes to disconnected, with connectionStateChanged', async () => {
    const roomName = uniqueRoom('states');
    const alice = await seat(roomName, 'Alice');
    const client = alice.chat.client!;
    const channel = alice.chat.channel!;
    expect(client.connectionState).to.equal('connected');
    const states: ChatConnectionState[] = [];
    alice.chat.addEventListener('connectionStateChanged', (e) => states.push(e.detail.connectionState));
    await client.shutdown();
    expect(states).to.deep.equal(['disconnected']);
    expect(client.connectionState).to.equal('disconnected');
    // It left its channel, and a message can no longer be sent.
    expect(channel.status).to.equal('known');
    expect((await rejection(channel.sendMessage('late'))).name).to.equal('RangeError');
  });

  it('a lost connection goes connecting, then connected again once the room reclaims its session, still in its channel', async () => {
    const faultUrl = (await executeServerCommand('fault-janus', { action: 'start' })) as string;
    const roomName = uniqueRoom('chat-lost');
    const alice = await seat(roomName, 'Alice', faultUrl);
    const bob = await seat(roomName, 'Bob', faultUrl);
    const states: ChatConnectionState[] = [];
    alice.chat.addEventListener('connectionStateChanged', (e) => states.push(e.detail.connectionState));
    const back = nextEvent<{ connectionState: ChatConnectionState }>(alice.chat, 'connectionStateChanged', (d) => d.connectionState === 'connected');
    await executeServerCommand('fault-janus', { action: 'cut-sockets' });
    await back;
    expect(states).to.deep.equal(['connecting', 'connected']);
    expect(alice.chat.channel!.status).to.equal('joined');
    // The chat works again: Bob hears Alice.
    const arrived = messageFrom(bob.chat, 'back');
    await alice.chat.channel!.sendMessage('back');
    await arrived;
  });
});
