// The extension's settings, without a browser: each invalid key or list entry, in the user's
// settings or an organisation's policy, is dropped on its own and named, and the rest stay in
// force; an organisation's policy wins; the engine's config follows. The engine itself (the
// wasm build in build/pkg, `make wasm`) judges rule ids, as the background has it do.
// Run with `node --test tests/extension`.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const root = new URL('../..', import.meta.url);

/** A fake `chrome.storage` whose areas hold `areas[name]`, or throw when that is an Error. */
function fakeStorage(areas) {
  const area = (name) => ({
    get: async (keys) => {
      const data = areas[name];
      if (data instanceof Error) throw data;
      if (keys === null || keys === undefined) return { ...data };
      const wanted = Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(wanted.filter((k) => k in (data ?? {})).map((k) => [k, data[k]]));
    },
  });
  globalThis.chrome ??= {};
  globalThis.chrome.storage = { sync: area('sync'), local: area('local'), managed: area('managed') };
}

fakeStorage({});
const { DEFAULTS, describe, engineConfig, loadSettings, validate } = await import('../../extension/src/settings.js');
const wasm = await import(new URL('build/pkg/chaperone.js', root));
await wasm.default({ module_or_path: readFileSync(new URL('build/pkg/chaperone_bg.wasm', root)) });
const { Engine, validateSettings } = wasm;

test('valid settings are kept and each invalid key or entry is named on its own', () => {
  const { settings, dropped } = validate(
    { region: 'uk', sensitivity: 'loud', allow: ['Dr Chen', 7, ' '], colour: 'red' },
    'your settings',
  );
  assert.deepEqual(settings, { region: 'uk', allow: ['Dr Chen'] });
  assert.deepEqual(dropped.map(describe), [
    'your settings: sensitivity "loud" ignored (not one of low, balanced, high)',
    'your settings: allow 7 ignored (not a string)',
    'your settings: allow " " ignored (empty term)',
    'your settings: colour "red" ignored (unknown setting)',
  ]);
  assert.deepEqual(validate('uk', 'your settings').dropped.map(describe), [
    'your settings: "uk" ignored (not an object)',
  ]);
  const categories = validate({ categories: { phi: false, professionalism: 'no', other: true } }, 'your settings');
  assert.deepEqual(categories.settings, { categories: { phi: false } });
  assert.equal(categories.dropped.length, 2);
});

test('malformed user settings fall back to the defaults key by key and say why', async () => {
  fakeStorage({
    sync: { settings: { region: 'mars', trainee: 'yes', sensitivity: 'high' } },
    local: { allow: 'everyone', watch: ['Nightingale'] },
    managed: {},
  });
  const s = await loadSettings();
  assert.equal(s.region, DEFAULTS.region);
  assert.equal(s.trainee, false);
  assert.equal(s.sensitivity, 'high');
  assert.deepEqual(s.allow, []);
  assert.deepEqual(s.watch, ['Nightingale']);
  assert.deepEqual(s.errors, [
    'your settings: region "mars" ignored (not one of us, uk, au, ca)',
    'your settings: trainee "yes" ignored (not true or false)',
    'your terms: allow "everyone" ignored (not a list)',
  ]);
});

test('a broken managed policy is reported and the user settings stay', async () => {
  fakeStorage({ sync: { settings: { region: 'au' } }, local: {}, managed: { region: 42, disabled_rules: 'all' } });
  const s = await loadSettings(validateSettings);
  assert.equal(s.region, 'au');
  assert.deepEqual(s.disabled_rules, []);
  assert.deepEqual(s.errors, [
    'organisation policy: region 42 ignored (not one of us, uk, au, ca)',
    'organisation policy: disabled_rules "all" ignored (not a list)',
  ]);
  assert.deepEqual(s.managed, []);
  // A browser without managed storage (or one that throws) is no policy at all.
  fakeStorage({ sync: {}, local: {}, managed: new Error('Managed storage manifest not found') });
  assert.deepEqual((await loadSettings(validateSettings)).errors, []);
});

test("one unknown rule id in a managed policy is dropped alone: the policy's region, allow list and watch terms stay", async () => {
  fakeStorage({
    sync: { settings: { region: 'us', disabled_rules: ['conduct/online-dosing'] } },
    local: { allow: ['Dr Chen'], watch: ['Ward 7 regulars'] },
    managed: {
      region: 'uk',
      locked: true,
      allow: ['Riverside Surgery', '01632 960418'],
      watch: ['Project Nightingale'],
      disabled_rules: ['conduct/profanity', 'conduct/no-such-rule', 'phi/nhs-number'],
    },
  });
  const s = await loadSettings(validateSettings);
  assert.equal(s.region, 'uk');
  assert.deepEqual(s.allow, ['Dr Chen', 'Riverside Surgery', '01632 960418']);
  assert.deepEqual(s.watch, ['Ward 7 regulars', 'Project Nightingale']);
  assert.deepEqual(s.disabled_rules, ['conduct/online-dosing', 'conduct/profanity', 'phi/nhs-number']);
  assert.deepEqual(s.dropped, [
    {
      source: 'organisation policy',
      key: 'disabled_rules',
      value: 'conduct/no-such-rule',
      reason: 'unknown rule or category',
    },
  ]);
  assert.deepEqual(s.errors, [
    'organisation policy: disabled_rules "conduct/no-such-rule" ignored (unknown rule or category)',
  ]);
  assert.deepEqual(s.managed.sort(), ['allow', 'disabled_rules', 'locked', 'region', 'watch']);

  // The engine takes what is left whole, and it works: the policy's watch term is flagged,
  // its allowed name is not, its disabled rule is off, in its region.
  const engine = new Engine('');
  assert.deepEqual(engine.setConfig(engineConfig(s)), []);
  assert.equal(engine.region, 'uk');
  const rules = (text) => engine.check(text).map((f) => f.rule);
  assert.ok(
    engine.check('Back on Project Nightingale today').some((f) => f.start === 8),
    'watch term flagged',
  );
  // The disabled rule is off (the post classifier may still ask whether a patient's number
  // is shared with their consent: that is another rule, and on).
  assert.ok(!rules('NHS no 943 476 5919').includes('phi/nhs-number'));
  // A patient's number is flagged, unless it is the allowed one (whether the story is told
  // with consent is asked either way).
  assert.ok(!rules('My patient rang from 01632 960418 at 3am').includes('phi/phone'));
  assert.ok(rules('My patient rang from 01632 960419 at 3am').includes('phi/phone'));
});

test('the engine, given bad settings whole, drops each bad entry alone and keeps the rest', () => {
  const engine = new Engine('');
  const dropped = engine.setConfig(
    JSON.stringify({ region: 'au', watch: ['Nightingale', 3], disabled_rules: ['nope'], extra: 1 }),
  );
  assert.deepEqual(
    dropped.map(({ key, index, value }) => [key, index, value]),
    [
      ['disabled_rules', 0, 'nope'],
      ['extra', null, 1],
      ['watch', 1, 3],
    ],
  );
  assert.equal(engine.region, 'au');
  assert.ok(engine.check('Nightingale').length);
  assert.throws(() => engine.setConfig('[1]'), /JSON object/);
  assert.equal(engine.region, 'au');
});

test("an organisation's policy overrides the user and adds to their lists", async () => {
  fakeStorage({
    sync: { settings: { region: 'us', disabled_rules: ['conduct/profanity'] } },
    local: { allow: ['Dr Chen'] },
    managed: { region: 'uk', locked: true, allow: ['St Mary'], disabled_rules: ['conduct/online-dosing'] },
  });
  const s = await loadSettings(validateSettings);
  assert.equal(s.region, 'uk');
  assert.deepEqual(s.allow, ['Dr Chen', 'St Mary']);
  assert.deepEqual(s.disabled_rules, ['conduct/profanity', 'conduct/online-dosing']);
  assert.deepEqual(s.managed.sort(), ['allow', 'disabled_rules', 'locked', 'region']);
  assert.deepEqual(s.errors, []);
  const config = JSON.parse(engineConfig({ ...s, categories: { phi: true, professionalism: false } }));
  assert.equal(config.region, 'uk');
  assert.deepEqual(config.disabled_rules, ['conduct/profanity', 'conduct/online-dosing', 'professionalism']);
});
