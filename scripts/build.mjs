// Bundles the CLI into minified ESM: an entry file plus chunks loaded on demand.
import { build } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });

const outfile = 'dist/talkdeck.js';

/** Replaces Ink's devtools module (which needs react-devtools-core) with an empty one. */
const stubDevtools = {
  name: 'stub-devtools',
  setup(b) {
    b.onResolve({ filter: /(^react-devtools-core$|\/devtools\.js$)/ }, (args) => ({ path: args.path, namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default {};', loader: 'js' }));
  },
};
// Each command imports the stages it needs on demand; splitting keeps those in chunks of their
// own, so presenting never loads the compiler or the exporters, and start-up reads little.
await build({
  entryPoints: { talkdeck: 'src/cli/main.ts' },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"', 'process.env.DEV': '"false"' },
  // Ink reaches its devtools only when DEV=true, which the define above rules out: leave them out.
  plugins: [stubDevtools],
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);

// The compiler as a library, for the benchmark to call in-process.
await build({
  entryPoints: ['src/compile/index.ts'],
  outfile: 'dist/compile.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  logLevel: 'warning',
});
