// The packages `make dist` writes for the stores (dist/chaperone-<browser>-<version>.zip, by
// `web-ext build`): each holds exactly the release folder's files, byte for byte (the
// manifest, the wasm engine, the bundles, pages, icons, locales), and nothing from the test
// builds: no loopback address in its manifest. Run with `node --test tests/dist.test.mjs`
// after `make dist` (`make test-dist`).

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import JSZip from 'jszip';
import { cargoVersion } from '../tools/version.mjs';

const root = new URL('..', import.meta.url).pathname;
const version = cargoVersion(root);

/** Every file under `dir`, as paths relative to it with forward slashes. */
function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path).map((f) => `${name}/${f}`) : [name];
  });
}

const REQUIRED = [
  'manifest.json',
  'chaperone_bg.wasm',
  'content.js',
  'background.js',
  'highlight.css',
  'managed_schema.json',
  'pages/popup.html',
  'pages/popup.js',
  'pages/options.html',
  'pages/options.js',
  'pages/pages.css',
  '_locales/en/messages.json',
  'icons/128.png',
];

for (const browser of ['chrome', 'firefox']) {
  test(`dist/chaperone-${browser}-${version}.zip holds the release build and nothing else`, async () => {
    const zipPath = join(root, 'dist', `chaperone-${browser}-${version}.zip`);
    const zip = await JSZip.loadAsync(readFileSync(zipPath));
    const entries = Object.values(zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name)
      .sort();
    const release = join(root, 'dist', browser);
    assert.deepEqual(entries, files(release).sort(), `${relative(root, zipPath)} and dist/${browser}/ differ`);
    for (const name of REQUIRED) assert.ok(entries.includes(name), `${name} missing`);
    for (const name of entries) {
      const packed = await zip.file(name).async('nodebuffer');
      assert.ok(packed.equals(readFileSync(join(release, name))), `${name} differs from dist/${browser}/${name}`);
    }
    const wasm = await zip.file('chaperone_bg.wasm').async('nodebuffer');
    assert.ok(
      wasm.equals(readFileSync(join(root, 'build', 'pkg', 'chaperone_bg.wasm'))),
      'not the engine in build/pkg',
    );

    const manifest = JSON.parse(await zip.file('manifest.json').async('string'));
    assert.equal(manifest.version, version);
    const matches = manifest.content_scripts.flatMap((c) => c.matches);
    assert.deepEqual(
      matches.filter((m) => /localhost|127\.0\.0\.1|\[::1\]/.test(m)),
      [],
      'a test build address in the package',
    );
    if (browser === 'chrome') assert.equal(manifest.background.service_worker, 'background.js');
    else assert.equal(manifest.browser_specific_settings.gecko.id, 'chaperone@chaperone-extension.org');
  });
}
