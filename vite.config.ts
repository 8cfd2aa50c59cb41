import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const janusUrl = process.env.JANUS_URL ?? 'ws://127.0.0.1:8188';
// With JANUS_CONFIG=secure scripts/with-janus, the room service too (the demo then joins with tokens).
const roomServiceUrl = process.env.ROOM_SERVICE_URL;
process.env['VITE_ROOM_SERVICE'] = roomServiceUrl ? '/room-service' : '';

/** The docs site `npm run build` writes to dist/docs/, at /docs/ of the demo. */
function docsSite(): Plugin {
  const docs = fileURLToPath(new URL('./dist/docs/', import.meta.url));
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css' };
  return {
    name: 'docs-site',
    configureServer(server) {
      server.middlewares.use('/docs', (request, response, next) => {
        const path = normalize(join(docs, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
        const file = path.endsWith('/') ? join(path, 'index.html') : path;
        if (!file.startsWith(docs) || !statSync(file, { throwIfNoEntry: false })?.isFile()) return next();
        response.setHeader('Content-Type', types[extname(file)] ?? 'application/octet-stream');
        createReadStream(file).pipe(response);
      });
    },
  };
}

export default defineConfig({
  plugins: [docsSite()],
  // `vite` serves the demo; `vite build` emits the self-contained CDN bundle.
  root: fileURLToPath(new URL('./demo', import.meta.url)),
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    // The demo reaches Janus through the page's own origin: /janus -> the Janus WebSocket API.
    proxy: {
      '/janus': { target: janusUrl, ws: true },
      ...(roomServiceUrl ? { '/room-service': { target: roomServiceUrl, rewrite: (path: string) => path.replace(/^\/room-service/, '') } } : {}),
    },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist/cdn', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    // Vite keeps whitespace in ES library builds for downstream tree-shaking; a CDN bundle is
    // loaded as is, so minify it fully.
    rolldownOptions: { output: { minify: true } },
    lib: {
      entry: fileURLToPath(new URL('./src/index.ts', import.meta.url)),
      formats: ['es'],
      fileName: () => 'janus-room-elements.js',
    },
  },
});
