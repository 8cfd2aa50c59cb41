import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { roomContext } from '../context/context.js';
import type { RoomSession } from '../room/room-session.js';
import type { RoomSnapshot } from '../room/types.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Finds the room an element works with: the `<video-room>` it sits in (through context), or the
 * one its `for` attribute names (an id in the same document or shadow root; it wins), even if
 * that element appears or upgrades later. Keeps the room's latest snapshot and updates the host
 * on every change.
 */
export class RoomController implements ReactiveController {
  /** The room model, once found. */
  session: RoomSession | undefined;
  /** Its latest snapshot. */
  snapshot: RoomSnapshot | undefined;
  private readonly host: Host;
  private readonly forId: () => string;
  private fromContext: RoomSession | undefined;
  private unsubscribe: (() => void) | undefined;
  private observer: MutationObserver | undefined;

  constructor(host: Host, forId: () => string) {
    this.host = host;
    this.forId = forId;
    host.addController(this);
    new ContextConsumer(host, {
      context: roomContext,
      subscribe: true,
      callback: (session) => {
        this.fromContext = session;
        this.resolve();
      },
    });
  }

  hostConnected(): void {
    this.resolve();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.bind(undefined);
  }

  /** Finds the room again (call when `for` changes). */
  resolve(): void {
    if (!this.host.isConnected) return;
    const id = this.forId();
    if (!id) {
      this.stopWatching();
      this.bind(this.fromContext);
      return;
    }
    const root = this.host.getRootNode() as Document | ShadowRoot;
    const target = root.getElementById?.(id) as (HTMLElement & { roomSession?: RoomSession }) | null;
    if (target?.roomSession) {
      this.stopWatching();
      this.bind(target.roomSession);
      return;
    }
    // Not there yet, or not upgraded yet: look again when the tree changes or the tag is defined.
    this.bind(undefined);
    if (!this.observer) {
      this.observer = new MutationObserver(() => this.resolve());
      this.observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['id'] });
      void customElements.whenDefined('video-room').then(() => this.resolve());
    }
  }

  private stopWatching(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  private bind(session: RoomSession | undefined): void {
    if (session === this.session) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.session = session;
    this.snapshot = session?.snapshot;
    if (session) {
      const onState = (snapshot: RoomSnapshot) => {
        this.snapshot = snapshot;
        this.host.requestUpdate();
      };
      session.events.on('state', onState);
      this.unsubscribe = () => session.events.off('state', onState);
    }
    this.host.requestUpdate();
  }
}
