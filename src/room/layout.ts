/**
 * Where members go on screen. Pure functions of the members list, for `<video-room>`'s default
 * rendering and `<screen-share>`.
 */
import type { Member } from './types.js';

/**
 * The share to show large: the latest screen share of another member, else this client's own
 * (the sharer usually wants to see the others, not a mirror of their own screen).
 */
export function featuredShare(members: readonly Member[]): Member | undefined {
  const latestFirst = members.filter((member) => member.type === 'screen').reverse();
  return latestFirst.find((member) => !member.local) ?? latestFirst[0];
}
