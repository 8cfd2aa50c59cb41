// Builds one benchmark baseline (BENCH_ENTRY: deps or raw-janus) into dist/bench/, self-contained
// and with the same settings as the CDN bundle.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const entry = process.env.BENCH_ENTRY ?? 'deps';

export default defineConfig({
  build: {
    outDir: here('../dist/bench'),
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    rolldownOptions: { output: { minify: true } },
    lib: {
      entry: here(`./${entry}.ts`),
      formats: ['es'],
      fileName: () => `${entry}.js`,
    },
  },
});
