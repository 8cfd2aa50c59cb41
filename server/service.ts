/**
 * The room service: admits members whose room token checks out (handing them the Janus tokens
 * Janus itself enforces), keeps who is in each room with which role, pushes room events to every
 * member over its event stream, and performs the privileged operations for members whose token
 * grants them. The HTTP surface is http.ts; Janus is janus-cluster.ts (one or many servers);
 * room state beyond Janus (metadata, hands, recordings) is room-service.ts.
 */
import { randomUUID } from 'node:crypto';
import { JanusCluster } from './janus-cluster.js';
import { MONITOR_ID, type JanusSettings } from './janus-rooms.js';
import type { InteractivityMode, Permission } from './permissions.js';
import { EMPTY_VIEW, idsOf, mergeViews, midsOf, reduceView, viewAsJoined, type RawEvent, type RoomView } from './room-view.js';
import { forbidden, notFound, ServiceError } from './service-error.js';
import type { Meta } from './room-state.js';
import type { Channel, Member, MemberAction, Room, RoomAction } from './service-model.js';
import type { RoomGrant } from './tokens.js';

/** How long a demoted member gets to stop publishing by itself before Janus kicks it. */
const DEMOTION_GRACE_MS = 5000;
/** How long a member's broken event stream may take to come back (the client tries for about 15 s). */
const RESUME_GRACE_MS = 20_000;

export class RoomServiceBase {
  readonly janus: JanusCluster;
  protected readonly rooms = new Map<string, Room>();
  private readonly idleMs: number;

  constructor(janus: JanusSettings) {
    this.janus = new JanusCluster(janus);
    this.idleMs = (janus.rooms?.idleSeconds ?? 60) * 1000;
    this.janus.on('event', (room, event, server) => this.onJanusEvent(room, event, server));
  }

  start(): Promise<void> {
    return this.janus.connect();
  }

  async stop(): Promise<void> {
    for (const room of this.rooms.values()) {
      clearTimeout(room.idle);
      for (const member of room.members.values()) member.channel?.close();
    }
    await this.janus.close();
  }

  private room(name: string): Room {
    let room = this.rooms.get(name);
    if (!room) {
      room = { name, locked: false, meta: Object.freeze({}), prioritizeHandraise: false, recording: false, views: new Map(), view: EMPTY_VIEW, members: new Map(), banned: new Map() };
      this.rooms.set(name, room);
    }
    return room;
  }

  /**
   * Lets a token's holder in: checks the room it asks for, the lock and bans, creates the room on
   * Janus if needed, and registers the member's event stream. Resolves with what the member is
   * told first (`admitted`).
   */
  async admit(grant: RoomGrant, roomName: string, channel: Channel, resume?: string): Promise<Member> {
    if (grant.room !== roomName) {
      throw new ServiceError(403, 20101, 'AccessTokenInvalidError', `Invalid Access Token: it is for room "${grant.room}", not "${roomName}"`);
    }
    const room = this.room(roomName);
    clearTimeout(room.idle);
    // An event stream that broke comes back for the same member (no lock check: it never left).
    const known = resume === undefined ? undefined : room.members.get(resume);
    if (known && known.identity === grant.identity) {
      known.channel?.close();
      known.channel = channel;
      clearTimeout(known.away);
      this.welcome(room, known, channel);
      if (known.role === 'audience') this.broadcastAudience(room);
      return known;
    }
    const now = Date.now() / 1000;
    for (const [id, until] of room.banned) if (until < now) room.banned.delete(id);
    if (room.banned.has(grant.tokenId)) {
      throw new ServiceError(403, 53104, 'RoomConnectFailedError', `Unable to connect to Room: this token's holder was removed from room "${roomName}". Get a new token`);
    }
    await this.janus.ensureRoom(roomName);
    // After a restart of this service: a member Janus still has in the room under this identity keeps its id.
    const present = resume !== undefined && !known ? (room.view.publishers.get(resume) ?? room.view.attendees.get(resume)) : undefined;
    const rejoining = present !== undefined && present['display'] === grant.identity;
    if (room.locked && !rejoining) {
      throw new ServiceError(403, 53104, 'RoomConnectFailedError', `Unable to connect to Room: room "${roomName}" is locked. Ask a moderator to unlock it`);
    }
    const id = rejoining ? resume! : randomUUID();
    const { token, join } = this.janus.credentials(roomName, id, grant.expires);
    const member: Member = {
      id,
      identity: grant.identity,
      role: grant.interactivityMode,
      permissions: grant.permissions,
      join,
      expires: grant.expires,
      tokenIds: new Set([grant.tokenId]),
      channel,
      moderated: new Set(),
      meta: Object.freeze({}),
      handraisedAt: undefined,
    };
    if (member.role === 'member') await this.janus.allow(roomName, [join], 'add');
    // Everyone admitted may chat (the room's TextRoom room checks the same join token).
    await this.janus.allowChat(roomName, [join], 'add');
    room.members.set(id, member);
    this.welcome(room, member, channel, token);
    if (member.role === 'audience') this.broadcastAudience(room);
    return member;
  }

  /** The first event on a member's stream: who it is, its Janus tokens, the room's state. */
  private welcome(room: Room, member: Member, channel: Channel, token = this.janus.credentials(room.name, member.id, member.expires).token): void {
    // The Janus server this member uses: the room's (or, cascaded, the least loaded of the room's).
    const url = this.janus.placeMember(room.name, member.id);
    const server = this.janus.serverOf(room.name, member.id);
    channel.send('admitted', {
      member_id: member.id,
      identity: member.identity,
      permissions: member.permissions,
      interactivity_mode: member.role,
      janus: { token, join: member.join, ...(url === undefined ? {} : { url }) },
      room: { ...this.roomState(room), ...this.audienceFor(room, member) },
      members: Object.fromEntries([...room.members.values()].map((m) => [m.id, this.memberState(m)])),
      ...(member.role === 'audience' ? { view: viewAsJoined(this.viewOn(room, server), room.name) } : {}),
    });
  }

  /** The member's event stream ended: an audience member has left (members leave through Janus). */
  disconnected(roomName: string, memberId: string, channel: Channel): void {
    const room = this.rooms.get(roomName);
    const member = room?.members.get(memberId);
    if (!room || !member || member.channel !== channel) return;
    member.channel = undefined;
    if (member.role === 'audience') {
      // Not counted meanwhile; forgotten unless its stream comes back soon (a network blip).
      this.broadcastAudience(room);
      clearTimeout(member.away);
      member.away = setTimeout(() => {
        if (!member.channel) this.forget(room, member);
      }, RESUME_GRACE_MS);
    } else if (!room.view.publishers.has(memberId) && !room.view.attendees.has(memberId)) {
      this.gone(room, member);
    }
  }

  /** A fresh token for a member (Twilio `updateToken`): new Janus tokens, same member. */
  async refresh(grant: RoomGrant, roomName: string, memberId: string): Promise<{ token: string; join: string; permissions: Permission[] }> {
    const room = this.rooms.get(roomName);
    const member = room?.members.get(memberId);
    if (!room || !member) throw notFound(memberId, roomName);
    if (grant.room !== roomName || grant.identity !== member.identity) {
      throw new ServiceError(403, 20101, 'AccessTokenInvalidError', 'Invalid Access Token: a new token must be for the same room and identity');
    }
    const credentials = this.janus.credentials(roomName, memberId, grant.expires);
    if (member.role === 'member') {
      await this.janus.allow(roomName, [credentials.join], 'add');
      await this.janus.allow(roomName, [member.join], 'remove');
    }
    await this.janus.allowChat(roomName, [credentials.join], 'add');
    await this.janus.allowChat(roomName, [member.join], 'remove');
    Object.assign(member, { join: credentials.join, expires: grant.expires, permissions: grant.permissions });
    member.tokenIds.add(grant.tokenId);
    return { ...credentials, permissions: grant.permissions };
  }

  /** A privileged operation on one member, for the caller whose token says who it is. */
  async memberAction(grant: RoomGrant, roomName: string, callerId: string, targetId: string, action: MemberAction): Promise<void> {
    const room = this.callerRoom(grant, roomName, callerId);
    const self = targetId === callerId;
    const permission = `room.${self && !['remove', 'promote', 'demote'].includes(action) ? 'self' : 'member'}.${action}` as Permission;
    if (!grant.permissions.includes(permission)) throw forbidden(permission, `${action.replace(/_/g, ' ')} of ${self ? 'this member' : `member "${targetId}"`}`);
    const target = room.members.get(targetId);
    if (!target) throw notFound(targetId, roomName);
    switch (action) {
      case 'audio_mute':
      case 'audio_unmute':
      case 'video_mute':
      case 'video_unmute': {
        const [type, verb] = action.split('_') as ['audio' | 'video', 'mute' | 'unmute'];
        if (verb === 'mute') target.moderated.add(type);
        else target.moderated.delete(type);
        await this.moderate(room, target, type, verb === 'mute');
        return;
      }
      case 'deaf':
      case 'undeaf':
        // Janus cannot stop what a subscriber receives: the member's own client does it (and says so).
        target.channel?.send('member.deaf', { member_id: targetId, deaf: action === 'deaf' });
        return;
      case 'remove':
        await this.remove(room, target, 'kicked');
        return;
      case 'promote':
      case 'demote':
        await this.changeRole(room, target, action === 'promote' ? 'member' : 'audience');
        return;
      default:
        throw new ServiceError(501, 53000, 'NotSupportedError', `${action} is not supported: Janus VideoRoom forwards media without mixing, so there is no server-side volume to set. Set the volume on the receiving side instead`);
    }
  }

  /** A privileged operation on the whole room. */
  async roomAction(grant: RoomGrant, roomName: string, callerId: string, action: RoomAction): Promise<void> {
    const room = this.callerRoom(grant, roomName, callerId);
    const permission: Permission = action === 'lock' ? 'room.lock' : action === 'unlock' ? 'room.unlock' : 'room.hangup_all';
    const allowed = grant.permissions.includes(permission) || (action === 'remove_all' && grant.permissions.includes('room.member.remove'));
    if (!allowed) throw forbidden(permission, action.replace(/_/g, ' '));
    if (action === 'lock' || action === 'unlock') {
      room.locked = action === 'lock';
      this.broadcast(room, 'room.updated', { room: { locked: room.locked }, updated: ['locked'] });
      return;
    }
    await Promise.all([...room.members.values()].map((member) => this.remove(room, member, 'hangup')));
  }

  /** What `room.updated` carries and a new member is told first. */
  protected roomState(room: Room): { locked: boolean; meta: Meta; prioritize_handraise: boolean; recording: boolean } {
    return { locked: room.locked, meta: room.meta, prioritize_handraise: room.prioritizeHandraise, recording: room.recording };
  }

  /** A member's state as `member.updated` carries it. */
  protected memberState(member: Member): { meta: Meta; handraised: boolean; handraised_at?: number } {
    return { meta: member.meta, handraised: member.handraisedAt !== undefined, ...(member.handraisedAt === undefined ? {} : { handraised_at: member.handraisedAt }) };
  }

  protected callerRoom(grant: RoomGrant, roomName: string, callerId: string): Room {
    const room = this.rooms.get(roomName);
    const caller = room?.members.get(callerId);
    if (!room || !caller || grant.room !== roomName || caller.identity !== grant.identity) {
      throw new ServiceError(403, 20101, 'AccessTokenInvalidError', `Invalid Access Token: it does not belong to member "${callerId}" of room "${roomName}"`);
    }
    return room;
  }

  /** `moderate` on the member's streams of `type` (with `fresh`, only those Janus does not hold yet). */
  private async moderate(room: Room, target: Member, type: 'audio' | 'video', mute: boolean, fresh = false): Promise<void> {
    await Promise.all(midsOf(room.view, target.id, type, fresh).map((mid) => this.janus.moderate(room.name, target.id, mid, mute)));
  }

  private async remove(room: Room, target: Member, reason: 'kicked' | 'hangup'): Promise<void> {
    for (const id of target.tokenIds) room.banned.set(id, target.expires);
    target.channel?.send('removed', { member_id: target.id, reason });
    this.forget(room, target);
    await this.janus.allow(room.name, [target.join], 'remove');
    await Promise.all(idsOf(room.view, target.id).map((id) => this.janus.kick(room.name, id).catch(() => {})));
    await this.janus.kickChat(room.name, target.id);
  }

  private forget(room: Room, member: Member): void {
    clearTimeout(member.demotion);
    clearTimeout(member.away);
    member.channel?.close();
    member.channel = undefined;
    if (room.members.delete(member.id) && member.role === 'audience') this.broadcastAudience(room);
    this.janus.releaseMember(room.name, member.id);
    this.janus.allowChat(room.name, [member.join], 'remove').catch(() => {});
    this.idle(room);
  }

  /**
   * Janus 1.1.2 never destroys rooms by itself: one nobody is in (no member known here, nobody in
   * it on Janus) is destroyed after `rooms.idleSeconds`, with its lock and bans.
   */
  private idle(room: Room): void {
    clearTimeout(room.idle);
    if (room.members.size > 0 || room.view.publishers.size > 0 || room.view.attendees.size > 0) return;
    room.idle = setTimeout(() => {
      if (this.rooms.get(room.name) !== room || room.members.size > 0) return;
      this.rooms.delete(room.name);
      void this.roomEnding(room, false).finally(() => this.janus.retire(room.name).catch(() => {}));
    }, this.idleMs);
  }

  /** Called before the service destroys an idle room, or after someone else destroyed it (`janusGone`). */
  protected async roomEnding(_room: Room, _janusGone: boolean): Promise<void> {}

  /** A member left Janus and the service: forgotten, its join token off the allowed list (it would expire anyway). */
  private gone(room: Room, member: Member): void {
    this.forget(room, member);
    if (member.role === 'member') this.janus.allow(room.name, [member.join], 'remove').catch(() => {});
  }

  private async changeRole(room: Room, target: Member, role: InteractivityMode): Promise<void> {
    if (target.role === role) return;
    target.role = role;
    clearTimeout(target.demotion);
    if (role === 'member') {
      await this.janus.allow(room.name, [target.join], 'add');
      target.channel?.send('member.promoted', { member_id: target.id });
    } else {
      await this.janus.allow(room.name, [target.join], 'remove');
      target.channel?.send('member.demoted', { member_id: target.id, view: viewAsJoined(this.viewOn(room, this.janus.serverOf(room.name, target.id)), room.name) });
      // Janus enforces it: whatever of the member is still in the room is kicked after a grace.
      target.demotion = setTimeout(() => {
        for (const id of idsOf(room.view, target.id)) this.janus.kick(room.name, id).catch(() => {});
      }, DEMOTION_GRACE_MS);
    }
    this.broadcastAudience(room);
  }

  /**
   * The audience as `viewer` may see it: how many (everyone), and who (those who may promote them:
   * Janus shows audience members to no one, so this is how a moderator can name one).
   */
  private audienceFor(room: Room, viewer: Member): { audience_count: number; audience?: Array<{ id: string; name: string }> } {
    const audience = [...room.members.values()].filter((m) => m.role === 'audience' && m.channel);
    return {
      audience_count: audience.length,
      ...(viewer.permissions.includes('room.member.promote') ? { audience: audience.map((m) => ({ id: m.id, name: m.identity })) } : {}),
    };
  }

  private broadcastAudience(room: Room): void {
    for (const member of room.members.values()) {
      const { audience_count: total, audience } = this.audienceFor(room, member);
      member.channel?.send('room.audience_count', { total, ...(audience ? { members: audience } : {}) });
    }
  }

  protected broadcast(room: Room, event: string, data: unknown): void {
    for (const member of room.members.values()) member.channel?.send(event, data);
  }

  /** What the monitor saw: kept, applied (moderation survives a new publish), relayed to the audience. */
  private onJanusEvent(roomName: string, event: RawEvent, server: number): void {
    const room = this.room(roomName);
    room.views.set(server, reduceView(room.views.get(server) ?? EMPTY_VIEW, event, MONITOR_ID));
    room.view = mergeViews(room.views.values());
    if (event['videoroom'] === 'joined') return;
    if (Array.isArray(event['publishers'])) {
      for (const p of event['publishers'] as RawEvent[]) {
        const member = room.members.get(String(p['id']));
        // A member a moderator muted publishes anew: its new streams are held too.
        for (const type of member?.moderated ?? []) void this.moderate(room, member!, type, true, true).catch(() => {});
      }
    }
    const gone = event['leaving'] ?? event['kicked'];
    if (typeof gone === 'string') {
      const member = room.members.get(gone);
      if (member && member.role === 'member' && !member.channel) this.gone(room, member);
      if (member?.demotion && !idsOf(room.view, gone).length) clearTimeout(member.demotion);
      this.idle(room);
    }
    if (event['videoroom'] === 'destroyed') {
      for (const member of room.members.values()) member.channel?.send('removed', { member_id: member.id, reason: 'destroyed' });
      clearTimeout(room.idle);
      this.rooms.delete(roomName);
      void this.roomEnding(room, true);
      return;
    }
    // An audience member follows the server it receives from.
    for (const member of room.members.values()) {
      if (member.role === 'audience' && this.janus.serverOf(room.name, member.id) === server) member.channel?.send('videoroom', event);
    }
  }

  /** The room as one of its servers shows it (the whole view if unknown). */
  private viewOn(room: Room, server: number | undefined): RoomView {
    return (server === undefined ? undefined : room.views.get(server)) ?? room.view;
  }
}
