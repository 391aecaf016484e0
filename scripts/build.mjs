// Compiles the app for `npm start` and `npm run worker`: src/cli.ts and the draft worker, bundled with
// esbuild into dist/ (the npm packages stay outside the bundle), so the running app loads a handful of
// JavaScript files instead of about 830 TypeScript modules through tsx's loader (a second of start and
// tsx's loader thread, about 34 MB). Tests and `npm run coach` run the sources.
//   node scripts/build.mjs [outdir]   (default dist; a folder one level under the project's root)
import { rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = resolve(root, process.argv[2] ?? 'dist');
if (dirname(outdir) !== root) {
  console.error(`build: the output folder must be directly under ${root} (got ${relative(root, outdir)})`);
  process.exit(2);
}
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts', 'draft-worker': 'src/services/draft-worker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  outExtension: { '.js': '.mjs' },
  define: { __COACH_COMPILED__: 'true' },
  sourcemap: 'linked',
  logLevel: 'warning',
});
console.error(`build: ${relative(root, join(outdir, 'cli.mjs'))} ready`);
