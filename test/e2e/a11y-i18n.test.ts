// Accessibility and language, in a real call: every element passes axe with members in it, the
// controls work from the keyboard with a visible focus ring, the room's live region announces joins,
// mutes and leaves, and every element follows the nearest `lang` (German ships), live.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { registerStrings, type ParticipantTile, type RoomChat, type RoomControls, type VideoRoom } from '../../dist/src/index.js';
import { aliceAndBob, nextEvent, present, until } from '../support/helpers.js';

const inShadow = <T extends Element>(host: Element, selector: string): T => host.shadowRoot!.querySelector<T>(selector)!;
const announcement = (room: VideoRoom) => inShadow(room, '[part="announcer"]').textContent!.trim();

/** Alice's room with every element beside it, wired to it with `for`; Bob is in the room. */
async function everyElement() {
  const call = await aliceAndBob('a11y');
  call.alice.id = `room-${call.roomName}`;
  const page = await fixture<HTMLElement>(html`<section>
    <room-controls for=${call.alice.id}></room-controls>
    <screen-share for=${call.alice.id}></screen-share>
    <device-select for=${call.alice.id}></device-select>
    <member-list for=${call.alice.id}></member-list>
    <room-chat for=${call.alice.id}></room-chat>
    <audio-level for=${call.alice.id} member-id=${call.alice.memberId!}></audio-level>
    <participant-tile></participant-tile>
  </section>`);
  page.querySelector<ParticipantTile>('participant-tile')!.member = call.alice.members.find((m) => m.name === 'Bob')!;
  return { ...call, page };
}

describe('accessibility, with members in the room', () => {
  it('every element passes axe, and the tiles have names', async () => {
    const { alice, page } = await everyElement();
    const tiles = () => [...alice.shadowRoot!.querySelectorAll<ParticipantTile>('participant-tile')];
    await until(() => tiles().length === 2 || null, present, 'both tiles');
    await expect(alice).to.be.accessible();
    for (const element of page.children) await expect(element).to.be.accessible();
    expect(tiles().map((tile) => tile.getAttribute('aria-label')!.split(',')[0]).sort()).to.deep.equal(['Alice', 'Bob']);
  });

  it('reaches and presses the controls from the keyboard, with a visible focus ring', async () => {
    const { alice, page } = await everyElement();
    const controls = page.querySelector<RoomControls>('room-controls')!;
    const microphone = inShadow<HTMLButtonElement>(controls, '[part~="microphone"]');
    document.body.focus();
    for (let i = 0; i < 10 && controls.shadowRoot!.activeElement !== microphone; i++) await sendKeys({ press: 'Tab' });
    expect(controls.shadowRoot!.activeElement, 'Tab reaches the microphone toggle').to.equal(microphone);
    const ring = getComputedStyle(microphone);
    expect(ring.outlineStyle).to.equal('solid');
    expect(parseFloat(ring.outlineWidth)).to.be.at.least(2);
    const muted = nextEvent(alice, 'member.updated', (d: { member: { audio_muted: boolean } }) => d.member.audio_muted);
    await sendKeys({ press: 'Space' });
    await muted;
    expect(microphone.getAttribute('aria-pressed')).to.equal('true');
  });

  it("announces the others' joins, mutes, camera and leaves in the room's live region", async () => {
    const { alice, bob } = await aliceAndBob('announce');
    const region = inShadow(alice, '[part="announcer"]');
    expect(region.getAttribute('aria-live')).to.equal('polite');
    await until(() => (announcement(alice) === 'Bob joined' ? true : null), present, '"Bob joined"');
    await bob.audioMute();
    await until(() => (announcement(alice) === 'Bob muted their microphone' ? true : null), present, 'the mute announced');
    await bob.videoMute();
    await until(() => (announcement(alice) === 'Bob turned their camera off' ? true : null), present, 'the camera announced');
    await bob.leave();
    await until(() => (announcement(alice) === 'Bob left' ? true : null), present, '"Bob left"');
  });

  it("announces the others' chat messages in the chat's live region", async () => {
    const { alice, bob, roomName } = await aliceAndBob('announce-chat');
    alice.id = `alice-${roomName}`;
    bob.id = `bob-${roomName}`;
    const aliceChat = await fixture<RoomChat>(html`<room-chat for=${alice.id}></room-chat>`);
    const bobChat = await fixture<RoomChat>(html`<room-chat for=${bob.id}></room-chat>`);
    await until(() => aliceChat.channel?.members.size, (n) => n === 2, 'Alice knowing Bob in the chat');
    const input = inShadow<HTMLTextAreaElement>(bobChat, '[part~="input"]');
    await until(() => (input.disabled ? null : true), present, "Bob's chat to connect");
    input.value = 'Hello, Alice';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    const region = inShadow(aliceChat, '[role="status"][aria-live="polite"]');
    await until(() => (region.textContent!.trim() === 'Bob: Hello, Alice' ? true : null), present, "Bob's message announced to Alice");
  });
});

describe('language', () => {
  after(() => registerStrings('en', { leave: 'Leave' }));

  it('follows the nearest lang, across shadow roots, and switches live', async () => {
    const { alice, page } = await everyElement();
    const wrapper = document.createElement('div');
    wrapper.lang = 'de';
    alice.before(wrapper);
    wrapper.append(alice, page);
    const controls = page.querySelector<RoomControls>('room-controls')!;
    const leave = () => inShadow(controls, '[part~="leave"] span').textContent!.trim();
    const bobTile = () => [...alice.shadowRoot!.querySelectorAll<ParticipantTile>('participant-tile')].find((tile) => !tile.hasAttribute('local'));
    await until(() => (leave() === 'Verlassen' ? true : null), present, 'German controls');
    expect(inShadow(page.querySelector('member-list')!, 'h2').textContent).to.equal('Teilnehmende (2)');
    expect(inShadow<HTMLTextAreaElement>(page.querySelector('room-chat')!, '[part~="input"]').placeholder).to.equal('Nachricht schreiben');
    await bob(alice).audioMute();
    await until(() => (bobTile()?.getAttribute('aria-label')?.includes('Mikrofon stumm') ? true : null), present, "the tile inside the room's shadow root in German");
    await until(() => (announcement(alice) === 'Bob hat das Mikrofon stummgeschaltet' ? true : null), present, 'the announcement in German');

    wrapper.lang = 'en-GB';
    await until(() => (leave() === 'Leave' ? true : null), present, 'English again, without a reload');
    registerStrings('en', { leave: 'Hang up' });
    await until(() => (leave() === 'Hang up' ? true : null), present, "the page's own wording");
  });
});

/** Bob's element of the call whose Alice is `alice` (he joined the same room in this page). */
function bob(alice: VideoRoom): VideoRoom {
  return [...document.querySelectorAll<VideoRoom>('video-room')].find((room) => room !== alice && room.room === alice.room)!;
}

describe('themes and motion', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' }));

  it("follows prefers-color-scheme, the page's --jre-color-scheme wins, and reduced motion stops transitions", async () => {
    const chat = await fixture<HTMLElement>(html`<room-chat></room-chat>`);
    const background = () => getComputedStyle(chat).backgroundColor;
    await emulateMedia({ colorScheme: 'light' });
    expect(background()).to.equal('rgb(255, 255, 255)');
    await emulateMedia({ colorScheme: 'dark' });
    expect(background()).to.equal('rgb(31, 35, 40)');
    chat.style.setProperty('--jre-color-scheme', 'light');
    expect(background(), 'the page chose light').to.equal('rgb(255, 255, 255)');

    const tile = await fixture<HTMLElement>(html`<participant-tile></participant-tile>`);
    // The talking ring and the controls' tooltips fade in, unless the user asked for less motion
    // (one rule in the shared theme styles does that for every element).
    const controls = await fixture<HTMLElement>(html`<room-controls></room-controls>`);
    const tooltip = inShadow(controls, '[part="tooltip"]');
    expect(getComputedStyle(tile, '::after').transitionDuration).to.equal('0.15s');
    expect(getComputedStyle(tooltip).transitionDuration).to.equal('0.15s');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(tile, '::after').transitionDuration).to.equal('0s');
    expect(getComputedStyle(tooltip).transitionDuration).to.equal('0s');
  });
});
