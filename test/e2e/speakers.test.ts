// Who speaks, on the real Janus: talking events from Janus's voice activity detection (a member's
// own threshold set with setInputSensitivity), the talking ring on tiles, and Twilio's dominant
// speaker among three members.
import { expect, fixture, html } from '@open-wc/testing';
import type { AudioLevel, DominantSpeakerChangedDetail, MemberEventDetail, VideoRoom } from '../../dist/src/index.js';
import '../../dist/src/index.js';
import { aliceAndBob, nextEvent, onlyAliceTalks, present, rejection, roomElement, tileFor, uniqueRoom, until } from '../support/helpers.js';

const talking = (room: VideoRoom, memberId: string, value: boolean) =>
  nextEvent<MemberEventDetail>(room, 'member.talking', (d) => d.member.id === memberId && d.member.talking === value);

describe('who speaks', () => {
  it('tells everyone when a member talks (its own threshold, set live) and when its microphone mutes', async () => {
    const { roomName, alice, bob } = await aliceAndBob('talking');
    const aliceId = alice.memberId!;

    // At the default sensitivity the fake beep is not talk; at 100 it is.
    const bobHears = talking(bob, aliceId, true);
    const aliceHearsHerself = talking(alice, aliceId, true);
    await alice.setInputSensitivity({ value: 100 });
    expect(alice.inputSensitivity, 'the element follows the method').to.equal(100);
    const started = (await bobHears).detail;
    expect(started.room_id).to.equal(roomName);
    expect(started.member).to.include({ id: aliceId, name: 'Alice', talking: true, room_session_id: roomName });
    expect((await aliceHearsHerself).detail.member).to.include({ local: true, talking: true });
    const tile = await until(() => tileFor(bob, aliceId), present, "Alice's tile");
    await until(() => tile.hasAttribute('talking'), Boolean, 'the talking ring');

    // A muted member sends nothing: it stops talking at once.
    const bobHearsStop = talking(bob, aliceId, false);
    await alice.audioMute();
    expect((await bobHearsStop).detail.member).to.include({ talking: false, audio_muted: true });
    await until(() => !tile.hasAttribute('talking'), Boolean, 'the ring to go');
  });

  it("shows live audio levels: on every tile (one's own too), and in <audio-level> anywhere on the page", async () => {
    const { alice, bob } = await aliceAndBob('levels');
    const meterOf = async (room: VideoRoom, memberId: string) => {
      const tile = await until(() => tileFor(room, memberId), present, 'the tile');
      return until(() => tile.shadowRoot!.querySelector<AudioLevel>('[part="audio-level"]'), present, 'its level meter');
    };
    // The fake microphone beeps: each meter rises above silence.
    for (const [room, memberId] of [
      [bob, alice.memberId!],
      [alice, alice.memberId!],
    ] as const) {
      const meter = await meterOf(room, memberId);
      await until(() => meter.level, (level) => level > 0.2, `the level of ${memberId} on ${room.identity}'s side`);
    }
    bob.id = 'bobs-room';
    const standalone = await fixture<AudioLevel>(html`<audio-level for="bobs-room" member-id=${alice.memberId!}></audio-level>`);
    await until(() => standalone.level, (level) => level > 0.2, 'the level beside a name');
    expect(standalone.meteredTrack?.kind).to.equal('audio');

    // Muted, the tile shows the muted icon instead.
    await alice.audioMute();
    const tile = tileFor(bob, alice.memberId!)!;
    await until(() => tile.shadowRoot!.querySelector('[part="audio-level"]'), (meter) => meter === null, 'the meter to go');
    expect(standalone.meteredTrack).to.equal(null);
    expect(standalone.level).to.equal(0);
  });

  it('rejects a sensitivity out of range, or for another member (that needs a room service)', async () => {
    const roomName = uniqueRoom('sensitivity');
    const alice = await roomElement(roomName, 'Alice', { media: false });
    const bob = await roomElement(roomName, 'Bob', { media: false });
    await alice.join();
    await bob.join();
    const range = await rejection(alice.setInputSensitivity({ value: 101 }));
    expect(range).to.be.instanceOf(RangeError);
    expect(range.message).to.match(/from 0 to 100/);
    const other = await rejection(alice.setInputSensitivity({ memberId: bob.memberId!, value: 80 }));
    expect(other).to.include({ name: 'AccessTokenGrantsInvalidError', code: 20106 });
    expect(alice.inputSensitivity, 'nothing changed').to.equal(undefined);
  });

  it('names the dominant speaker: the member whose microphone is live while the others are muted', async () => {
    const { alice, bob, carol, named } = await onlyAliceTalks('dominant');
    expect(named.dominantSpeaker).to.include({ sid: alice.memberId, identity: 'Alice' });
    expect(bob.dominantSpeaker?.sid).to.equal(alice.memberId);
    const aliceTile = await until(() => tileFor(bob, alice.memberId!), present, "Alice's tile");
    await until(() => aliceTile.hasAttribute('dominant'), Boolean, 'the dominant attribute');
    expect(alice.dominantSpeaker, 'Twilio names other participants only').to.equal(null);

    // The floor moves when Alice mutes and Bob speaks.
    const carolSeesBob = nextEvent<DominantSpeakerChangedDetail>(carol, 'dominantSpeakerChanged', (d) => d.dominantSpeaker?.sid === bob.memberId);
    await alice.audioMute();
    await bob.audioUnmute();
    expect((await carolSeesBob).detail.dominantSpeaker!.identity).to.equal('Bob');
  });
});
