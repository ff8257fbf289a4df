// Builds the playground and documentation site into build/site/, served by `make run`.
// The rule catalogue comes from the engine itself (`chaperone rules --format json`).

import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const www = join(root, 'www');
const out = join(root, 'build', 'site');
const cli = join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'release', 'chaperone');

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'pkg'), { recursive: true });
await build({
  entryPoints: { playground: join(www, 'playground.js'), rules: join(www, 'rules.js') },
  outdir: out,
  bundle: true,
  format: 'iife',
  target: ['chrome121', 'firefox128', 'safari17'],
  legalComments: 'none',
  logLevel: 'warning',
  logOverride: { 'empty-import-meta': 'silent' },
});
const header = readFileSync(join(www, 'header.html.part'), 'utf8');
for (const page of ['index.html', 'rules.html', 'install.html', 'privacy.html']) {
  const html = readFileSync(join(www, page), 'utf8').replace(
    '<!--header-->',
    header.replace(`href="${page}"`, `href="${page}" aria-current="page"`),
  );
  writeFileSync(join(out, page), html);
}
cpSync(join(www, 'site.css'), join(out, 'site.css'));
cpSync(join(root, 'extension', 'src', 'ui', 'ui.css'), join(out, 'ui.css'));
cpSync(join(root, 'extension', 'src', 'ui', 'highlight.css'), join(out, 'highlight.css'));
cpSync(join(root, 'build', 'pkg', 'chaperone_bg.wasm'), join(out, 'pkg', 'chaperone_bg.wasm'));
writeFileSync(join(out, 'rules.json'), execFileSync(cli, ['rules', '--format', 'json']));
console.log('built build/site');
