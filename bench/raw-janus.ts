// Baseline for join latency: two members publishing and subscribing with janus.js directly, the
// way a hand-written client does it (no library), for the same room settings and devices. With a
// room token, it first gets its Janus tokens from the room service, as the library does.
import Janus from 'janus-gateway';
import adapter from 'webrtc-adapter';

type Handle = any; // janus.js's own loose handle type

const init = new Promise<void>((resolve) =>
  Janus.init({ debug: false, dependencies: Janus.useDefaultDependencies({ adapter }), callback: () => resolve() }),
);

function session(server: string, token?: string): Promise<any> {
  return new Promise((resolve, reject) => {
    const janus: any = new Janus({ server, iceServers: [], ...(token ? { token } : {}), success: () => resolve(janus), error: reject });
  });
}

/** What the room service admits a room token's holder with: its member id and Janus tokens. */
interface Admission {
  member_id: string;
  janus: { token: string; join: string };
}

/** Reads the service's event stream up to its first event (kept open: closing it would leave the room). */
async function admit(serviceUrl: string, room: string, token: string, signal: AbortSignal): Promise<Admission> {
  const response = await fetch(`${serviceUrl}/v1/rooms/${encodeURIComponent(room)}/events`, { headers: { Authorization: `Bearer ${token}` }, signal });
  if (!response.ok || !response.body) throw new Error(`admission refused: ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  while (!text.includes('\n\n')) {
    const { done, value } = await reader.read();
    if (done) throw new Error('the admission stream ended');
    text += value;
  }
  return JSON.parse(/^data: (.*)$/m.exec(text)![1]!);
}

function attach(janus: any, onmessage: (msg: any, jsep?: any) => void, onremotetrack?: (t: MediaStreamTrack, mid: string, on: boolean) => void): Promise<Handle> {
  return new Promise((resolve, reject) =>
    janus.attach({ plugin: 'janus.plugin.videoroom', success: resolve, error: reject, onmessage, onremotetrack }),
  );
}

export interface RawMember {
  /** Resolves with the first decoded frame's width of the other member's video. */
  sawOther: Promise<number>;
  leave(): void;
}

/** Joins `room` as `name`, publishes camera and microphone, and subscribes to whoever publishes. */
export async function joinRaw(
  server: string,
  room: string,
  name: string,
  create: boolean,
  service?: { url: string; token: string },
): Promise<RawMember> {
  await init;
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
  const stop = new AbortController();
  const admission = service ? await admit(service.url, room, service.token, stop.signal) : undefined;
  const join = admission ? { token: admission.janus.join } : {};
  const janus = await session(server, admission?.janus.token);
  let resolveSeen: (width: number) => void = () => {};
  const sawOther = new Promise<number>((resolve) => (resolveSeen = resolve));
  const video = document.createElement('video');
  video.muted = true;
  video.autoplay = true;
  document.body.append(video);
  let privateId = 0;
  let subscribed = false;
  const subscribe = async (feeds: Array<{ id: string }>) => {
    if (subscribed || feeds.length === 0) return;
    subscribed = true;
    const sub: Handle = await attach(
      janus,
      (_message, jsep) => {
        if (jsep) {
          sub.createAnswer({
            jsep,
            tracks: [],
            success: (answer: any) => sub.send({ message: { request: 'start' }, jsep: answer }),
          });
        }
      },
      (track, _mid, on) => {
        if (on && track.kind === 'video') {
          video.srcObject = new MediaStream([track]);
          video.requestVideoFrameCallback(() => resolveSeen(video.videoWidth));
        }
      },
    );
    sub.send({ message: { request: 'join', ptype: 'subscriber', room, private_id: privateId, streams: feeds.map((f) => ({ feed: f.id })), ...join } });
  };
  let joined: (msg: any) => void = () => {};
  const joinedMessage = new Promise<any>((resolve) => (joined = resolve));
  let configured: (jsep: any) => void = () => {};
  const answer = new Promise<any>((resolve) => (configured = resolve));
  const pub: Handle = await attach(janus, (msg, jsep) => {
    if (msg.videoroom === 'joined') joined(msg);
    if (msg.configured === 'ok' && jsep) configured(jsep);
    if (Array.isArray(msg.publishers)) void subscribe(msg.publishers);
  });
  if (create && !admission) {
    await new Promise((resolve) =>
      pub.send({ message: { request: 'create', room, publishers: 16, notify_joining: true, audiolevel_event: true }, success: resolve }),
    );
  }
  pub.send({ message: { request: 'join', ptype: 'publisher', room, id: admission?.member_id ?? crypto.randomUUID(), display: name, ...join } });
  const info = await joinedMessage;
  privateId = info.private_id;
  const offer = await new Promise<any>((resolve, reject) =>
    pub.createOffer({
      tracks: stream.getTracks().map((track) => ({ type: track.kind, capture: track, recv: false })),
      success: resolve,
      error: reject,
    }),
  );
  pub.send({ message: { request: 'publish' }, jsep: offer });
  pub.handleRemoteJsep({ jsep: await answer });
  void subscribe(info.publishers);
  return {
    sawOther,
    leave: () => {
      stop.abort();
      stream.getTracks().forEach((track) => track.stop());
      janus.destroy({});
      video.remove();
    },
  };
}
