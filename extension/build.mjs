// Builds the Chrome and Firefox extensions from one source tree into dist/chrome and
// dist/firefox, and a zip of each for the Chrome Web Store and addons.mozilla.org (packed by
// `web-ext build`, as dist/chaperone-<browser>-<version>.zip, the version Cargo.toml's); and the
// same extensions for the tests into dist/test-chrome and dist/test-firefox (never zipped),
// whose content script also runs on the loopback fixture server (http://127.0.0.1/*,
// http://localhost/*). Needs the wasm engine built first (`make wasm` writes build/pkg/).

import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import webExt from 'web-ext';
import { cargoVersion } from '../tools/version.mjs';

const root = new URL('..', import.meta.url).pathname;
const src = join(root, 'extension');
const pkg = join(root, 'build', 'pkg');
const dist = join(root, 'dist');
const version = cargoVersion(root);

const targets = {
  chrome: (m) => ({
    ...m,
    version,
    minimum_chrome_version: '121',
    background: { service_worker: 'background.js' },
    storage: { managed_schema: 'managed_schema.json' },
  }),
  firefox: (m) => ({
    ...m,
    version,
    background: { scripts: ['background.js'] },
    browser_specific_settings: {
      gecko: {
        id: 'chaperone@chaperone-extension.org',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    },
  }),
};

async function bundle(outdir) {
  await build({
    entryPoints: {
      content: join(src, 'src', 'content', 'index.js'),
      background: join(src, 'src', 'background.js'),
      'pages/popup': join(src, 'pages', 'popup.js'),
      'pages/options': join(src, 'pages', 'options.js'),
    },
    outdir,
    bundle: true,
    format: 'iife',
    target: ['chrome121', 'firefox140'],
    loader: { '.css': 'text' },
    legalComments: 'none',
    logLevel: 'warning',
    // The wasm glue's `import.meta.url` fallback is never used: the URL is always passed.
    logOverride: { 'empty-import-meta': 'silent' },
  });
}

function copy(outdir) {
  for (const dir of ['icons', '_locales']) cpSync(join(src, dir), join(outdir, dir), { recursive: true });
  for (const file of ['popup.html', 'options.html', 'pages.css'])
    cpSync(join(src, 'pages', file), join(outdir, 'pages', file));
  cpSync(join(src, 'src', 'ui', 'highlight.css'), join(outdir, 'highlight.css'));
  cpSync(join(src, 'managed_schema.json'), join(outdir, 'managed_schema.json'));
  cpSync(join(pkg, 'chaperone_bg.wasm'), join(outdir, 'chaperone_bg.wasm'));
}

/** Where only the test builds run their content script: the e2e fixture server. */
const TEST_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];
const forTests = (m) => ({
  ...m,
  content_scripts: m.content_scripts.map((c, i) => (i === 0 ? { ...c, matches: [...c.matches, ...TEST_MATCHES] } : c)),
});

const base = JSON.parse(readFileSync(join(src, 'manifest.base.json'), 'utf8'));
if ('version' in base) throw new Error(`manifest.base.json has a version: the version is Cargo.toml's (${version})`);
const loopback = (m) =>
  m.content_scripts.flatMap((c) => c.matches).filter((p) => /^https?:\/\/(localhost|127\.|\[::1\])/.test(p));
if (loopback(base).length)
  throw new Error(`manifest.base.json matches ${loopback(base).join(', ')}: only the test builds may`);
for (const [browser, manifest] of Object.entries(targets)) {
  const outdir = join(dist, browser);
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(join(outdir, 'pages'), { recursive: true });
  await bundle(outdir);
  copy(outdir);
  writeFileSync(join(outdir, 'manifest.json'), `${JSON.stringify(manifest(base), null, 2)}\n`);
  await webExt.cmd.build(
    { sourceDir: outdir, artifactsDir: dist, filename: `chaperone-${browser}-${version}.zip`, overwriteDest: true },
    { showReadyMessage: false },
  );
  console.log(`built ${relative(root, outdir)} and dist/chaperone-${browser}-${version}.zip`);
  // The test build: the same files, with the fixture server's addresses added.
  const testdir = join(dist, `test-${browser}`);
  rmSync(testdir, { recursive: true, force: true });
  cpSync(outdir, testdir, { recursive: true });
  writeFileSync(join(testdir, 'manifest.json'), `${JSON.stringify(forTests(manifest(base)), null, 2)}\n`);
  console.log(`built ${relative(root, testdir)} (for the tests: also runs on ${TEST_MATCHES.join(', ')})`);
}
