// One version number (tools/version.mjs): Cargo.toml's, which the manifests are written from,
// and which package.json, package-lock.json and Cargo.lock must repeat. Fails naming each file
// that disagrees. Run with `node --test tests/version.test.mjs` (part of `make test-js`).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { cargoVersion } from '../tools/version.mjs';

const root = new URL('..', import.meta.url).pathname;
const json = (file) => JSON.parse(readFileSync(join(root, file), 'utf8'));

test("Cargo.toml's version is the one every other file gives", () => {
  const version = cargoVersion(root);
  assert.match(version, /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'Cargo.toml: not a semantic version');
  const lock = json('package-lock.json');
  const cargoLock = readFileSync(join(root, 'Cargo.lock'), 'utf8').match(
    /name = "chaperone"\nversion = "([^"]+)"/,
  )?.[1];
  const found = {
    'package.json': json('package.json').version,
    'package-lock.json (version)': lock.version,
    'package-lock.json (packages[""].version)': lock.packages[''].version,
    'Cargo.lock (chaperone)': cargoLock,
  };
  const disagree = Object.entries(found)
    .filter(([, v]) => v !== version)
    .map(([file, v]) => `${file} says ${v}`);
  assert.deepEqual(disagree, [], `Cargo.toml says ${version}`);
});

test('the manifests carry no version of their own: extension/build.mjs writes it', () => {
  assert.equal('version' in json('extension/manifest.base.json'), false);
});
