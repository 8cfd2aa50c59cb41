// Usage: node scripts/forward-port.mjs LISTEN_HOST LISTEN_PORT TARGET_HOST TARGET_PORT
// A plain TCP forwarder (HTTP and WebSocket upgrades pass through untouched). scripts/with-janus
// --expose runs it on this machine to reach the demo server inside the private namespace.
import net from 'node:net';

const [listenHost, listenPort, targetHost, targetPort] = process.argv.slice(2);
if (!targetPort) {
  console.error('usage: forward-port.mjs LISTEN_HOST LISTEN_PORT TARGET_HOST TARGET_PORT');
  process.exit(2);
}

const server = net.createServer((client) => {
  const upstream = net.connect(Number(targetPort), targetHost);
  client.pipe(upstream).pipe(client);
  const close = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on('error', close);
  upstream.on('error', close);
});
server.on('error', (error) => {
  console.error(`forward-port: cannot listen on ${listenHost}:${listenPort}: ${error.message}`);
  process.exit(1);
});
server.listen(Number(listenPort), listenHost);
