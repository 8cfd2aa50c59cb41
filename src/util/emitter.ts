/**
 * A small typed event emitter with the Node-style surface Twilio's and SignalWire's objects have
 * (`on`, `once`, `off`, `removeAllListeners`), over `mitt`.
 */
import mitt, { type Emitter } from 'mitt';

type Events = Record<string, unknown>;
type Listener<T> = (event: T) => void;

export class EventEmitter<E extends Events> {
  private readonly bus: Emitter<E> = mitt<E>();
  /** `once` wrappers, by the listener they wrap (so `off(listener)` removes them too). */
  private readonly wrapped = new Map<Listener<never>, Listener<never>>();

  on<K extends keyof E>(type: K, listener: Listener<E[K]>): this {
    this.bus.on(type, listener);
    return this;
  }

  once<K extends keyof E>(type: K, listener: Listener<E[K]>): this {
    const wrapper: Listener<E[K]> = (event) => {
      this.off(type, listener);
      listener(event);
    };
    this.wrapped.set(listener as Listener<never>, wrapper as Listener<never>);
    this.bus.on(type, wrapper);
    return this;
  }

  off<K extends keyof E>(type: K, listener: Listener<E[K]>): this {
    const wrapper = this.wrapped.get(listener as Listener<never>);
    if (wrapper) {
      this.wrapped.delete(listener as Listener<never>);
      this.bus.off(type, wrapper as Listener<E[K]>);
    }
    this.bus.off(type, listener);
    return this;
  }

  removeAllListeners<K extends keyof E>(type?: K): this {
    if (type === undefined) this.bus.all.clear();
    else this.bus.all.delete(type);
    return this;
  }

  protected emit<K extends keyof E>(type: K, event: E[K]): void {
    this.bus.emit(type, event);
  }
}
