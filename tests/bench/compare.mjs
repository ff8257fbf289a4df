// Chaperone's wasm engine beside an established detector from npm, redact-pii (regex-based,
// JavaScript), in the same Node process on the same posts: time per post and what each finds
// on a post with identifiers. `make bench` installs redact-pii into build/bench-deps (it is
// not a project dependency) and runs this last.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { post } from './posts.mjs';

const root = new URL('../..', import.meta.url).pathname;
const { default: init, Engine } = await import(join(root, 'build', 'pkg', 'chaperone.js'));
const { SyncRedactor } = await import(
  join(root, 'build', 'bench-deps', 'node_modules', 'redact-pii', 'lib', 'index.js')
);

await init({ module_or_path: readFileSync(join(root, 'build', 'pkg', 'chaperone_bg.wasm')) });
const engine = new Engine('{"region":"uk"}');
const redactor = new SyncRedactor();

/** Median time per call of `fn`, after half a second of warm-up. */
function median(fn, runs) {
  const until = performance.now() + 500;
  while (performance.now() < until) fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    fn();
    times.push(performance.now() - s);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

console.log('| post | Chaperone (wasm) | redact-pii | ratio |\n|---|---|---|---|');
for (const [n, runs] of [
  [280, 400],
  [3000, 100],
  [40000, 20],
]) {
  const text = post(n);
  const ours = median(() => engine.check(text), runs);
  const theirs = median(() => redactor.redact(text), runs);
  console.log(
    `| ${n.toLocaleString('en')} chars | ${(ours * 1000).toFixed(0)} µs | ${(theirs * 1000).toFixed(0)} µs | ${(ours / theirs).toFixed(2)}× |`,
  );
}

const sample = post(280);
const flagged = engine
  .check(sample)
  .filter((f) => f.category === 'phi')
  .map((f) => sample.slice(f.start, f.end));
console.log(`\nOn the 280-character post, Chaperone flags: ${flagged.map((s) => JSON.stringify(s)).join(', ')}`);
console.log(`redact-pii returns: ${JSON.stringify(redactor.redact(sample))}`);
