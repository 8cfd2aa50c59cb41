/**
 * What video each member's streams should cost: whether Janus relays it at all, and which
 * simulcast layer. Pure: the views that renderers report (tiles, or a page's own) and the
 * layout's positions in, one demand per member out. Twilio's names for the two switches:
 * `clientTrackSwitchOffControl` (off-screen video is switched off) and `contentPreferencesMode`
 * (small tiles get a small layer).
 */

/** What a renderer shows of a member's video: whether any of it is on screen, and how wide (device pixels). */
export interface VideoView {
  readonly memberId: string;
  readonly visible: boolean;
  readonly width: number;
}

export interface VideoDemand {
  /** Whether Janus relays the video at all. */
  readonly send: boolean;
  /** The simulcast layer: 0 (a quarter of the width), 1 (half), 2 (full). */
  readonly substream: 0 | 1 | 2;
}

export interface DemandPolicy {
  /** Switch off video that no renderer shows (Twilio `clientTrackSwitchOffControl: 'auto'`). */
  readonly autoSwitchOff: boolean;
  /** Ask for the layer the largest view needs (Twilio `contentPreferencesMode: 'auto'`). */
  readonly autoLayers: boolean;
}

export const FULL_VIDEO: VideoDemand = Object.freeze({ send: true, substream: 2 });
const NO_VIDEO: VideoDemand = Object.freeze({ send: false, substream: 2 });

/**
 * The layer for a view `width` device pixels wide: a camera's lowest layer (a quarter of 640 or
 * 1280 pixels) up to 240, the middle one up to 480, else the full one.
 */
export function substreamFor(width: number): 0 | 1 | 2 {
  return width <= 240 ? 0 : width <= 480 ? 1 : 2;
}

/**
 * The demand for one member's video. Off-canvas (a position the page gave) switches it off
 * whatever the policy. A member no renderer reported keeps full video: the page may render its
 * tracks itself. Otherwise it flows while some view of it is visible, at the largest one's layer.
 */
export function videoDemand(memberId: string, views: Iterable<VideoView>, offCanvas: boolean, policy: DemandPolicy): VideoDemand {
  if (offCanvas) return NO_VIDEO;
  let reported = false;
  let widest = -1;
  for (const view of views) {
    if (view.memberId !== memberId) continue;
    reported = true;
    if (view.visible) widest = Math.max(widest, view.width);
  }
  if (!reported) return FULL_VIDEO;
  if (widest < 0) return policy.autoSwitchOff ? NO_VIDEO : FULL_VIDEO;
  return policy.autoLayers ? { send: true, substream: substreamFor(widest) } : FULL_VIDEO;
}
