// <member-list> on Janus with token enforcement: members with their state, names inert, and the
// moderation actions only where the viewer's token grants them, operable from the keyboard.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MemberList, MemberUpdatedDetail, VideoRoom } from '../../dist/src/index.js';
import '../../dist/src/index.js';
import { nextEvent, uniqueRoom, until } from '../support/helpers.js';
import { MODERATOR, roomToken } from './secure-helpers.js';

async function roomWithList(token: string): Promise<{ room: VideoRoom; list: MemberList }> {
  const room = await fixture<VideoRoom>(html`<video-room token=${token} video="false"><member-list></member-list></video-room>`);
  return { room, list: room.querySelector('member-list') as unknown as MemberList };
}

const rows = (list: MemberList) => [...list.shadowRoot!.querySelectorAll('[part~="member"]')];
const buttons = (list: MemberList) => [...list.shadowRoot!.querySelectorAll('button')];

describe('<member-list>', () => {
  it('lists members with their state, and offers a moderator (only) the actions its token grants', async () => {
    const name = uniqueRoom('list');
    const hostile = '<img src=x onerror="window.__pwned=1">Bob';
    const moderator = await roomWithList(await roomToken({ room: name, identity: 'Mod', permissions: MODERATOR }));
    const bob = await roomWithList(await roomToken({ room: name, identity: hostile }));
    await moderator.room.join();
    await bob.room.join();
    const bobId = bob.room.memberId!;

    await until(() => rows(moderator.list).length, (n) => n === 2, 'two rows on the moderator\'s list');
    await moderator.list.updateComplete;
    const bobRow = rows(moderator.list).find((row) => row.textContent!.includes(hostile))!;
    expect(bobRow, 'the name is shown as text').to.exist;
    expect(bobRow.querySelector('img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(buttons(moderator.list).map((b) => b.getAttribute('part'))).to.deep.equal(['lock', 'action audio', 'action video', 'action demote', 'action remove']);
    // A plain member sees the same members and no actions.
    await until(() => rows(bob.list).length, (n) => n === 2, 'two rows on Bob\'s list');
    expect(buttons(bob.list)).to.deep.equal([]);
    expect(rows(bob.list).find((row) => row.hasAttribute('data-local'))!.textContent).to.include('(you)');

    // The keyboard: focus "Mute <Bob>" and press Enter.
    const mute = moderator.list.shadowRoot!.querySelector<HTMLButtonElement>('[part~="audio"]')!;
    expect(mute.getAttribute('aria-label') ?? mute.textContent!.trim()).to.equal(`Mute ${hostile}`);
    expect(mute.getAttribute('aria-pressed')).to.equal('false');
    const muted = nextEvent<MemberUpdatedDetail>(bob.room, 'member.updated', (d) => d.member.id === bobId && d.member.audio_muted);
    mute.focus();
    await sendKeys({ press: 'Enter' });
    await muted;
    await until(() => mute.getAttribute('aria-pressed'), (v) => v === 'true', 'the toggle to show Bob muted');
    expect(mute.textContent!.trim(), 'a toggle keeps its name').to.equal(`Mute ${hostile}`);
    expect(bobRow.querySelector('[part~="state"]')!.textContent).to.include('microphone muted');

    // An audience member: the moderator sees who it is and may promote it; Bob only the count.
    const viewer = await roomWithList(await roomToken({ room: name, identity: 'Viewer', audience: true }));
    await viewer.room.join();
    const promote = await until(
      () => moderator.list.shadowRoot!.querySelector<HTMLButtonElement>('[part~="promote"]'),
      (button) => button !== null,
      'a Promote button on the moderator\'s list',
    );
    expect(promote!.textContent!.trim()).to.equal('Let Viewer speak (promote)');
    await until(() => bob.list.shadowRoot!.querySelector('[part~="audience"]')?.textContent, (t) => t === '1 in the audience', 'Bob\'s count');
    expect(bob.list.shadowRoot!.querySelector('[part~="promote"]')).to.equal(null);
    const promoted = nextEvent(viewer.room, 'member.promoted');
    promote!.focus();
    await sendKeys({ press: 'Enter' });
    await promoted;
    await until(() => rows(moderator.list).length, (n) => n === 3, 'the promoted viewer among the members');
    expect(moderator.list.shadowRoot!.querySelector('[part~="promote"]')).to.equal(null);

    // Lock from the list: the room says so to everyone.
    const locked = nextEvent(bob.room, 'room.updated');
    moderator.list.shadowRoot!.querySelector<HTMLButtonElement>('[part~="lock"]')!.click();
    await locked;
    await until(() => bob.list.shadowRoot!.textContent, (t) => t!.includes('Room locked'), 'Bob\'s list to say the room is locked');
  });
});
