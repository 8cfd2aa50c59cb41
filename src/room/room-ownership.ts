/**
 * A room this client created on the fly: it alone holds the room's secret, so it destroys the
 * room when it leaves it empty (Janus 1.1.2 never destroys a room by itself). A room whose creator
 * left before the others stays until Janus restarts; a room service owns rooms for good.
 */
import type { ParticipantEvent } from '../janus/videoroom/protocol.js';
import type { VideoRoomPublisher } from '../janus/videoroom/publisher.js';

export class RoomOwnership {
  private readonly room: string;
  private readonly memberId: string;
  private secret: string | undefined;
  /** Members Janus said left: its list shows one that just left for a moment longer. */
  private readonly departed = new Set<string>();

  constructor(room: string, memberId: string) {
    this.room = room;
    this.memberId = memberId;
  }

  /** This client's join created the room (with `secret`). */
  created(secret: string): void {
    this.secret = secret;
  }

  /** A room event this client heard. */
  saw(event: ParticipantEvent): void {
    if (this.secret && (event.type === 'leaving' || event.type === 'kicked')) this.departed.add(event.id);
  }

  /** Leaving: destroys the room if it created it and no one else is in it. Never rejects. */
  async leaving(publisher: VideoRoomPublisher): Promise<void> {
    const secret = this.secret;
    if (!secret) return;
    const own = (id: string) => id === this.memberId || id.startsWith(`${this.memberId}.`);
    try {
      const present = await publisher.participants(this.room);
      if (present.every((p) => own(p.id) || this.departed.has(p.id))) await publisher.destroyRoom(this.room, secret);
    } catch {
      // Leaving goes on: an empty room that stays costs Janus little.
    }
  }
}
