// Settings shared by the background, popup and options pages. User settings live in
// storage.sync (small) and storage.local (allow list and watch terms); an organisation's
// policy in storage.managed overrides them. Post text is never stored.

export const api = globalThis.browser ?? globalThis.chrome;

export const DEFAULTS = Object.freeze({
  region: 'us',
  sensitivity: 'balanced',
  trainee: false,
  categories: { phi: true, professionalism: true },
  disabled_rules: [],
  disabled_sites: [],
});

const REGIONS = ['us', 'uk', 'au', 'ca'];
const SENSITIVITIES = ['low', 'balanced', 'high'];
const strings = (v) => Array.isArray(v) && v.every((s) => typeof s === 'string' && s.trim() !== '');

/** Keeps the valid keys of a settings object and reports the invalid ones. */
export function validate(raw, source) {
  const out = {};
  const errors = [];
  if (raw === undefined || raw === null) return { settings: out, errors };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { settings: out, errors: [`${source}: not an object`] };
  const check = (key, ok) => {
    if (!(key in raw)) return;
    if (ok(raw[key])) out[key] = raw[key];
    else errors.push(`${source}: invalid ${key}`);
  };
  check('region', (v) => REGIONS.includes(v));
  check('sensitivity', (v) => SENSITIVITIES.includes(v));
  check('trainee', (v) => typeof v === 'boolean');
  check('locked', (v) => typeof v === 'boolean');
  check('categories', (v) => v && typeof v === 'object' && ['phi', 'professionalism'].every((k) => v[k] === undefined || typeof v[k] === 'boolean'));
  for (const key of ['disabled_rules', 'disabled_sites', 'allow', 'watch']) check(key, strings);
  return { settings: out, errors };
}

async function safeGet(area, keys) {
  try {
    return (await api.storage[area]?.get(keys)) ?? {};
  } catch {
    return {};
  }
}

/** The settings in force: defaults, then the user's, then the organisation's policy. */
export async function loadSettings() {
  const [sync, local, managed] = await Promise.all([
    safeGet('sync', 'settings'),
    safeGet('local', ['allow', 'watch']),
    safeGet('managed', null),
  ]);
  const user = validate(sync.settings, 'settings');
  const lists = validate({ allow: local.allow ?? [], watch: local.watch ?? [] }, 'lists');
  const policy = validate(managed, 'managed policy');
  const merged = { ...DEFAULTS, ...user.settings, allow: lists.settings.allow ?? [], watch: lists.settings.watch ?? [] };
  for (const [key, value] of Object.entries(policy.settings)) {
    if (key === 'allow' || key === 'watch' || key === 'disabled_rules' || key === 'disabled_sites') {
      merged[key] = [...new Set([...(merged[key] ?? []), ...value])];
    } else {
      merged[key] = value;
    }
  }
  merged.managed = Object.keys(policy.settings);
  merged.errors = [...user.errors, ...lists.errors, ...policy.errors];
  return merged;
}

/** The engine's config JSON for these settings. */
export function engineConfig(s) {
  const disabled = [...s.disabled_rules];
  for (const [category, on] of Object.entries(s.categories ?? {})) if (!on) disabled.push(category);
  return JSON.stringify({ region: s.region, sensitivity: s.sensitivity, allow: s.allow, watch: s.watch, disabled_rules: disabled });
}

export function siteEnabled(s, host) {
  return !s.disabled_sites.some((d) => host === d || host.endsWith(`.${d}`));
}
