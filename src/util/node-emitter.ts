/**
 * Node's `EventEmitter` surface with several arguments per event, as Twilio's objects have it
 * (`room.on('trackSubscribed', (track, participant) => ...)`). The libraries made for this
 * (`events`, `eventemitter3`) ship CommonJS only, and this library stays loadable as native ES
 * modules, so it is this small one. A listener that throws does not stop the others: its error
 * surfaces as uncaught, as a DOM listener's would.
 */
type Listener = (...args: any[]) => void;

export class NodeEmitter {
  private readonly listenersByEvent = new Map<string | symbol, Listener[]>();
  /** `once` wrappers by the listener they wrap, so `off(listener)` removes them too. */
  private readonly wrappers = new WeakMap<Listener, Listener>();

  on(event: string | symbol, listener: Listener): this {
    if (typeof listener !== 'function') throw new TypeError(`the listener of "${String(event)}" must be a function`);
    this.listenersByEvent.set(event, [...(this.listenersByEvent.get(event) ?? []), listener]);
    return this;
  }

  addListener(event: string | symbol, listener: Listener): this {
    return this.on(event, listener);
  }

  once(event: string | symbol, listener: Listener): this {
    const wrapper: Listener = (...args) => {
      this.off(event, listener);
      listener.apply(this, args);
    };
    this.wrappers.set(listener, wrapper);
    return this.on(event, wrapper);
  }

  off(event: string | symbol, listener: Listener): this {
    const list = this.listenersByEvent.get(event);
    if (!list) return this;
    const wrapper = this.wrappers.get(listener);
    const index = list.findIndex((l) => l === listener || l === wrapper);
    if (index >= 0) list.splice(index, 1);
    if (list.length === 0) this.listenersByEvent.delete(event);
    return this;
  }

  removeListener(event: string | symbol, listener: Listener): this {
    return this.off(event, listener);
  }

  removeAllListeners(event?: string | symbol): this {
    if (event === undefined) this.listenersByEvent.clear();
    else this.listenersByEvent.delete(event);
    return this;
  }

  listeners(event: string | symbol): Listener[] {
    return [...(this.listenersByEvent.get(event) ?? [])];
  }

  listenerCount(event: string | symbol): number {
    return this.listenersByEvent.get(event)?.length ?? 0;
  }

  eventNames(): Array<string | symbol> {
    return [...this.listenersByEvent.keys()];
  }

  /** Calls every listener of `event` with `args`; true if there was one. */
  emit(event: string | symbol, ...args: unknown[]): boolean {
    const list = this.listenersByEvent.get(event);
    if (!list?.length) return false;
    for (const listener of [...list]) {
      try {
        listener.apply(this, args);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
    return true;
  }
}
