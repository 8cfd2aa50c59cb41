// janus.js used directly, as a client that bypasses the library would: a session with the given
// core token, one VideoRoom handle, and requests whose answers (or errors) come back as promises.
import Janus from 'janus-gateway';
import adapter from 'webrtc-adapter';
import { janusUrl } from '../support/helpers.js';

type Message = Record<string, unknown>;

let ready: Promise<void> | undefined;

export interface RawVideoRoom {
  /** Sends a VideoRoom request; resolves with Janus's answer (errors included: `error_code`). */
  request(body: Message): Promise<Message>;
  destroy(): void;
}

/** A janus.js session with `token` (rejects with Janus's refusal text). */
/** `server`: the Janus holding the room (with several, the one the room service placed it on). */
export async function rawVideoRoom(token: string | undefined, server = janusUrl()): Promise<RawVideoRoom> {
  ready ??= new Promise((resolve) => Janus.init({ debug: false, dependencies: Janus.useDefaultDependencies({ adapter }), callback: () => resolve() }));
  await ready;
  const janus = await new Promise<Janus>((resolve, reject) => {
    const session: Janus = new Janus({
      server,
      iceServers: [],
      ...(token ? { token } : {}),
      destroyOnUnload: false,
      success: () => resolve(session),
      error: (reason: unknown) => reject(new Error(String(reason))),
    });
  });
  let pending: ((message: Message) => void) | undefined;
  const handle = await new Promise<{ send(options: { message: Message; success?: (data?: Message) => void; error?: (e: unknown) => void }): void }>((resolve, reject) =>
    janus.attach({
      plugin: 'janus.plugin.videoroom',
      success: resolve as never,
      error: reject,
      onmessage: (message: Message) => pending?.(message),
    }),
  );
  return {
    request(body) {
      return new Promise((resolve, reject) => {
        pending = resolve;
        handle.send({
          message: body,
          // Synchronous requests answer here; asynchronous ones (join) through onmessage.
          success: (data) => {
            if (data) resolve(data);
          },
          error: (e) => reject(new Error(String(e))),
        });
      });
    },
    destroy: () => janus.destroy({ unload: true }),
  };
}
