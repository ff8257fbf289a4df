// The project's one version number: the `version` of Cargo.toml's [package], which the CLI
// reports (`chaperone --version`). extension/build.mjs writes it into both manifests and the
// zips' names; package.json and package-lock.json carry it too, because npm wants a version,
// and tests/version.test.mjs fails when any of them disagrees. To release a new version, set
// it in Cargo.toml, then `npm version --no-git-tag-version <version>` and `cargo check`.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The [package] version in `<root>/Cargo.toml`. */
export function cargoVersion(root) {
  const toml = readFileSync(join(root, 'Cargo.toml'), 'utf8');
  const version = toml.match(/^\[package\]$[^[]*?^version\s*=\s*"([^"]+)"/m)?.[1];
  if (!version) throw new Error('Cargo.toml: no version in [package]');
  return version;
}
