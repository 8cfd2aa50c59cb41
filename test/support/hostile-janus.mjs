// A WebSocket proxy in front of the shared Janus that can slip frames of its own to the browser:
// what a broken or hostile server (or peers, through Janus) might send. It relays everything else
// both ways, and remembers the ids it needs to address a forged event to a client's handle.
import WebSocket, { WebSocketServer } from 'ws';

/** Starts a proxy; resolves with its port and a function that sends `frames` to every client. */
export async function startHostileJanus(upstreamUrl) {
  const clients = new Set();
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: (protocols) => [...protocols][0] ?? false });
  server.on('connection', (client, request) => {
    const upstream = new WebSocket(upstreamUrl, request.headers['sec-websocket-protocol']);
    const pending = [];
    const state = { client, sessionId: undefined, sender: undefined };
    clients.add(state);
    upstream.on('open', () => {
      for (const data of pending.splice(0)) upstream.send(data);
    });
    upstream.on('message', (data) => {
      const text = data.toString();
      try {
        const message = JSON.parse(text);
        if (message.session_id) state.sessionId = message.session_id;
        // The publisher handle is the one Janus tells about the room.
        if (message.sender && message.plugindata?.data?.videoroom === 'joined') state.sender = message.sender;
      } catch {
        // relayed as it is
      }
      if (client.readyState === WebSocket.OPEN) client.send(text);
    });
    client.on('message', (data) => {
      const text = data.toString();
      if (upstream.readyState === WebSocket.OPEN) upstream.send(text);
      else pending.push(text);
    });
    const close = () => {
      clients.delete(state);
      client.close();
      upstream.close();
    };
    client.on('close', close);
    upstream.on('close', close);
    upstream.on('error', close);
    client.on('error', close);
  });
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    server,
    port: server.address().port,
    /**
     * Sends each frame to every client. A frame is a string (sent as it is) or a plugin-data
     * object, sent as a VideoRoom event from the client's own publisher handle.
     */
    inject(frames) {
      let sent = 0;
      for (const { client, sessionId, sender } of clients) {
        for (const frame of frames) {
          const text =
            typeof frame === 'string'
              ? frame
              : JSON.stringify({ janus: 'event', session_id: sessionId, sender, plugindata: { plugin: 'janus.plugin.videoroom', data: frame } });
          client.send(text);
          sent++;
        }
      }
      return sent;
    },
  };
}
