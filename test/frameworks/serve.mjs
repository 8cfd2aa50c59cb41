// A static file server for the framework apps' builds: /vue/, /react/, /angular/ and /cms/ (the CMS
// page beside the library's CDN bundle, as a CMS would host it). Loopback only.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const mounts = {
  vue: 'examples/vue/dist',
  react: 'examples/react/dist',
  angular: 'examples/angular/dist/browser',
  cms: 'examples/cms',
};
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json', '.svg': 'image/svg+xml' };

function resolve(pathname) {
  const [, mount, ...rest] = pathname.split('/');
  if (!(mount in mounts)) return null;
  const file = rest.join('/') || 'index.html';
  if (mount === 'cms' && file === 'janus-room-elements.js') return join(root, 'dist/cdn/janus-room-elements.js');
  const path = normalize(join(root, mounts[mount], file));
  return path.startsWith(join(root, mounts[mount])) ? path : null;
}

/** Starts the server on a free loopback port; resolves with its origin and a close function. */
export async function serve() {
  const server = createServer((request, response) => {
    const path = resolve(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    if (!path || !statSync(path, { throwIfNoEntry: false })?.isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
    createReadStream(path).pipe(response);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => server.close(done)) };
}
