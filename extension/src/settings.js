// Settings shared by the background, popup and options pages. User settings live in
// storage.sync (small) and storage.local (allow list and watch terms); an organisation's
// policy in storage.managed overrides them. Post text is never stored.
//
// Settings fail one entry at a time: an invalid key or list entry (a region that does not
// exist, a term that is not a string, a rule id the engine does not know) is dropped on its
// own and named, with where it came from and why; everything else stays in force.

import { api } from './ext.js';

export const DEFAULTS = Object.freeze({
  region: 'us',
  sensitivity: 'balanced',
  trainee: false,
  categories: { phi: true, professionalism: true },
  disabled_rules: [],
  disabled_sites: [],
});

/** Where settings come from, as the popup and options page name them. */
export const SOURCES = Object.freeze({ sync: 'your settings', local: 'your terms', managed: 'organisation policy' });

const REGIONS = ['us', 'uk', 'au', 'ca'];
const SENSITIVITIES = ['low', 'balanced', 'high'];
const CATEGORIES = ['phi', 'professionalism'];
/** The keys the engine reads, which it also checks itself (`validateSettings`). */
const ENGINE_KEYS = ['region', 'sensitivity', 'allow', 'watch', 'disabled_rules'];
const LISTS = ['disabled_rules', 'disabled_sites', 'allow', 'watch'];

const oneOf = (values) => (v) => (values.includes(v) ? null : `not one of ${values.join(', ')}`);
const boolean = (v) => (typeof v === 'boolean' ? null : 'not true or false');
/** Single-valued keys: why a value is not allowed, or null. */
const VALUES = { region: oneOf(REGIONS), sensitivity: oneOf(SENSITIVITIES), trainee: boolean, locked: boolean };
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Keeps the valid parts of one source of settings and names the rest. Each key is judged on
 * its own, and each entry of a list on its own; `engineCheck(json)`, when given (the engine's
 * `validateSettings`), then judges what the engine reads, such as rule ids. Returns
 * `{ settings, dropped }`, each dropped entry `{ source, key, value, reason }` (`key` null
 * when the whole source was unusable).
 */
export function validate(raw, source, engineCheck) {
  const settings = {};
  const dropped = [];
  const drop = (key, value, reason) => dropped.push({ source, key, value, reason });
  if (raw === undefined || raw === null) return { settings, dropped };
  if (!isObject(raw)) {
    drop(null, raw, 'not an object');
    return { settings, dropped };
  }
  for (const [key, value] of Object.entries(raw)) {
    if (key in VALUES) {
      const why = VALUES[key](value);
      if (why) drop(key, value, why);
      else settings[key] = value;
    } else if (LISTS.includes(key)) {
      if (!Array.isArray(value)) {
        drop(key, value, 'not a list');
        continue;
      }
      settings[key] = value.filter((entry) => {
        const why = typeof entry !== 'string' ? 'not a string' : entry.trim() === '' ? 'empty term' : null;
        if (why) drop(key, entry, why);
        return !why;
      });
    } else if (key === 'categories') {
      if (!isObject(value)) {
        drop(key, value, 'not an object');
        continue;
      }
      settings.categories = {};
      for (const [category, on] of Object.entries(value)) {
        const why = !CATEGORIES.includes(category) ? 'unknown category' : boolean(on);
        if (why) drop(`categories.${category}`, on, why);
        else settings.categories[category] = on;
      }
    } else {
      drop(key, value, 'unknown setting');
    }
  }
  if (engineCheck) {
    const forEngine = Object.fromEntries(ENGINE_KEYS.filter((k) => k in settings).map((k) => [k, settings[k]]));
    let engineDropped;
    try {
      engineDropped = engineCheck(JSON.stringify(forEngine));
    } catch (error) {
      // Cannot happen for an object; if it does, the engine's keys from here are not used.
      for (const k of Object.keys(forEngine)) delete settings[k];
      drop(null, forEngine, String(error?.message ?? error));
      engineDropped = [];
    }
    const gone = new Map();
    for (const { key, index, value, reason } of engineDropped) {
      drop(key, value, reason);
      if (index === null || index === undefined) delete settings[key];
      else gone.set(key, new Set([...(gone.get(key) ?? []), index]));
    }
    for (const [key, indices] of gone) settings[key] = settings[key].filter((_, i) => !indices.has(i));
  }
  return { settings, dropped };
}

/** A dropped entry in words: `organisation policy: disabled_rules "conduct/nope" ignored (unknown rule or category)`. */
export function describe({ source, key, value, reason }) {
  let shown = JSON.stringify(value) ?? String(value);
  if (shown.length > 60) shown = `${shown.slice(0, 57)}...`;
  return `${source}: ${key === null ? '' : `${key} `}${shown} ignored (${reason})`;
}

async function safeGet(area, keys) {
  try {
    return (await api.storage[area]?.get(keys)) ?? {};
  } catch {
    return {};
  }
}

/** The stored settings, unjudged: `{ sync, local, managed }` as the storage areas hold them. */
export async function readSettings() {
  const [sync, local, managed] = await Promise.all([
    safeGet('sync', 'settings'),
    safeGet('local', ['allow', 'watch']),
    safeGet('managed', null),
  ]);
  return { sync, local, managed };
}

/**
 * The settings in force: defaults, then the user's, then the organisation's policy, each
 * validated entry by entry (with `engineCheck` too, where the engine is loaded). `dropped`
 * lists what was left out and `errors` says it in words.
 */
export function resolveSettings({ sync = {}, local = {}, managed = {} }, engineCheck) {
  const user = validate(sync.settings, SOURCES.sync, engineCheck);
  const terms = Object.fromEntries(['allow', 'watch'].filter((k) => local[k] !== undefined).map((k) => [k, local[k]]));
  const lists = validate(terms, SOURCES.local, engineCheck);
  const policy = validate(managed, SOURCES.managed, engineCheck);
  const merged = {
    ...DEFAULTS,
    ...user.settings,
    allow: lists.settings.allow ?? [],
    watch: lists.settings.watch ?? [],
  };
  for (const [key, value] of Object.entries(policy.settings)) {
    if (LISTS.includes(key)) {
      merged[key] = [...new Set([...(merged[key] ?? []), ...value])];
    } else {
      merged[key] = value;
    }
  }
  merged.managed = Object.keys(policy.settings);
  merged.dropped = [...user.dropped, ...lists.dropped, ...policy.dropped];
  merged.errors = merged.dropped.map(describe);
  return merged;
}

/** Reads and resolves the settings in force (see `resolveSettings`). */
export async function loadSettings(engineCheck) {
  return resolveSettings(await readSettings(), engineCheck);
}

/** The engine's config JSON for these settings. */
export function engineConfig(s) {
  const disabled = [...s.disabled_rules];
  for (const [category, on] of Object.entries(s.categories ?? {})) if (!on) disabled.push(category);
  return JSON.stringify({
    region: s.region,
    sensitivity: s.sensitivity,
    allow: s.allow,
    watch: s.watch,
    disabled_rules: disabled,
  });
}

export function siteEnabled(s, host) {
  return !s.disabled_sites.some((d) => host === d || host.endsWith(`.${d}`));
}
