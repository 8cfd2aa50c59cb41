/**
 * The permissions a room token grants, by SignalWire's names (its RoomSession methods list the
 * one each needs). The room service checks them before every privileged operation.
 */
export const PERMISSIONS = [
  'room.self.audio_mute',
  'room.self.audio_unmute',
  'room.self.video_mute',
  'room.self.video_unmute',
  'room.self.deaf',
  'room.self.undeaf',
  'room.self.set_input_volume',
  'room.self.set_output_volume',
  'room.self.set_input_sensitivity',
  'room.self.screenshare',
  'room.self.additional_source',
  'room.member.audio_mute',
  'room.member.audio_unmute',
  'room.member.video_mute',
  'room.member.video_unmute',
  'room.member.deaf',
  'room.member.undeaf',
  'room.member.remove',
  'room.member.promote',
  'room.member.demote',
  'room.member.set_input_volume',
  'room.member.set_output_volume',
  'room.lock',
  'room.unlock',
  'room.hangup_all',
  'room.set_meta',
  'room.self.set_meta',
  'room.member.set_meta',
  'video.member.raisehand',
  'video.member.lowerhand',
  'video.prioritize_handraise',
  'room.recording',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/**
 * What a plain member may do when a token names no permissions: act on itself only (its media,
 * its metadata, its hand: raising or lowering another member's hand also needs
 * `room.member.set_meta`).
 */
export const MEMBER_PERMISSIONS: readonly Permission[] = [...PERMISSIONS.filter((p) => p.startsWith('room.self.')), 'video.member.raisehand', 'video.member.lowerhand'];

/**
 * A moderator's: its own media, and muting, deafening, removing, promoting and demoting others,
 * others' metadata and hands, the room's metadata, the lock, hand prioritisation and recording.
 */
export const MODERATOR_PERMISSIONS: readonly Permission[] = [
  ...MEMBER_PERMISSIONS,
  ...PERMISSIONS.filter((p) => p.startsWith('room.member.') && !p.endsWith('_volume')),
  'room.lock',
  'room.unlock',
  'room.set_meta',
  'video.prioritize_handraise',
  'room.recording',
];

/** Names the CLI and `createRoomToken` take for a whole set of permissions. */
export const PERMISSION_PRESETS: Readonly<Record<string, readonly Permission[]>> = { member: MEMBER_PERMISSIONS, moderator: MODERATOR_PERMISSIONS };

export type InteractivityMode = 'member' | 'audience';

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}
