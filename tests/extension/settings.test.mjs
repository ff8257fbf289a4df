// The extension's settings, without a browser: malformed user settings and a broken managed
// policy fall back to safe defaults and say what was wrong; an organisation's policy wins;
// the engine's config follows. Run with `node --test tests/extension`.

import assert from 'node:assert/strict';
import { test } from 'node:test';

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
const { DEFAULTS, engineConfig, loadSettings, validate } = await import('../../extension/src/settings.js');

test('valid settings are kept and invalid keys are named', () => {
  const { settings, errors } = validate({ region: 'uk', sensitivity: 'loud', allow: ['Dr Chen', 7] }, 'settings');
  assert.deepEqual(settings, { region: 'uk' });
  assert.deepEqual(errors, ['settings: invalid sensitivity', 'settings: invalid allow']);
  assert.deepEqual(validate('uk', 'settings').errors, ['settings: not an object']);
});

test('malformed user settings fall back to the defaults and say why', async () => {
  fakeStorage({ sync: { settings: { region: 'mars', trainee: 'yes' } }, local: { allow: 'everyone' }, managed: {} });
  const s = await loadSettings();
  assert.equal(s.region, DEFAULTS.region);
  assert.equal(s.trainee, false);
  assert.deepEqual(s.allow, []);
  assert.deepEqual(s.errors, ['settings: invalid region', 'settings: invalid trainee', 'lists: invalid allow']);
});

test('a broken managed policy is reported and the user settings stay', async () => {
  fakeStorage({ sync: { settings: { region: 'au' } }, local: {}, managed: { region: 42, disabled_rules: 'all' } });
  const s = await loadSettings();
  assert.equal(s.region, 'au');
  assert.deepEqual(s.disabled_rules, []);
  assert.deepEqual(s.errors, ['managed policy: invalid region', 'managed policy: invalid disabled_rules']);
  // A browser without managed storage (or one that throws) is no policy at all.
  fakeStorage({ sync: {}, local: {}, managed: new Error('Managed storage manifest not found') });
  assert.deepEqual((await loadSettings()).errors, []);
});

test("an organisation's policy overrides the user and adds to their lists", async () => {
  fakeStorage({
    sync: { settings: { region: 'us', disabled_rules: ['conduct/profanity'] } },
    local: { allow: ['Dr Chen'] },
    managed: { region: 'uk', locked: true, allow: ['St Mary'], disabled_rules: ['conduct/consent'] },
  });
  const s = await loadSettings();
  assert.equal(s.region, 'uk');
  assert.deepEqual(s.allow, ['Dr Chen', 'St Mary']);
  assert.deepEqual(s.disabled_rules, ['conduct/profanity', 'conduct/consent']);
  assert.deepEqual(s.managed.sort(), ['allow', 'disabled_rules', 'locked', 'region']);
  const config = JSON.parse(engineConfig({ ...s, categories: { phi: true, professionalism: false } }));
  assert.equal(config.region, 'uk');
  assert.deepEqual(config.disabled_rules, ['conduct/profanity', 'conduct/consent', 'professionalism']);
});
