// Bundles the CLI into one minified ESM file so start-up reads one file instead of hundreds.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';

const outfile = 'dist/talkdeck.js';
await build({
  entryPoints: ['src/cli/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"', 'process.env.DEV': '"false"' },
  // Ink optionally imports react-devtools-core; it is never used at run time.
  external: ['react-devtools-core'],
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
