// The engine's home: the wasm module runs here (Chrome's service worker, Firefox's
// background script), because Chrome applies a page's CSP to wasm compiled in a content
// script. Answers only messages from this extension's own contexts, after validating them.

import init, { Engine, validateSettings } from '../../build/pkg/chaperone.js';
import { api } from './ext.js';
import { answer, MAX_TEXT, MESSAGES } from './protocol.js';
import { describe, engineConfig, readSettings, resolveSettings } from './settings.js';
import { MAX_FINDINGS } from './ui/bounds.js';

let engine;
let settings;
/** The region the engine last built everything for (`warm`). */
let warmedFor;

/** Judges each source of settings with the engine too (rule ids, terms), entry by entry, so
 * one bad entry, in the user's settings or the organisation's policy, is dropped and named
 * on its own while the rest apply. */
async function applySettings(stored = readSettings()) {
  const next = resolveSettings(await stored, validateSettings);
  try {
    // What survived each source's check should all be valid merged; anything the engine
    // still leaves out is named like the rest.
    for (const { key, value, reason } of engine.setConfig(engineConfig(next))) {
      next.dropped.push({ source: 'settings in force', key, value, reason });
    }
  } catch (error) {
    // Not a JSON object (cannot happen for engineConfig): the previous settings stay.
    next.dropped.push({
      source: 'settings in force',
      key: null,
      value: null,
      reason: `${error?.message ?? error}; previous settings kept`,
    });
  }
  next.errors = next.dropped.map(describe);
  settings = next;
}

// Settings are read while the module compiles.
const ready = (async () => {
  const stored = readSettings();
  await init({ module_or_path: api.runtime.getURL('chaperone_bg.wasm') });
  engine = new Engine('');
  await applySettings(stored);
  performance.mark('chaperone-ready');
})();

/** Settles once the latest settings change is applied: checks wait for it, so a check asked
 * for because settings changed never runs with the old ones. */
let settled = ready;
api.storage.onChanged.addListener(() => {
  const apply = () => applySettings();
  settled = settled.then(apply, apply);
});

/** Whether this worker has answered a check yet. Its first answer, like the engine being
 * ready, is marked on the worker's performance timeline (from its start) for `make bench`. */
let answered = false;

/** Builds what checks need, a rule at a time, yielding between rules so that a check asked
 * for meanwhile runs first; once per region (patterns and word sets stay loaded). */
async function warm() {
  const region = settings.region;
  if (warmedFor === region) return;
  warmedFor = region;
  for (let rule = 0; engine.warmRule(rule); rule++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** The settings content scripts and pages may see (`PublicSettings` in protocol.js). */
function publicSettings() {
  const { trainee, disabled_sites, errors, managed, region } = settings;
  return { trainee, disabled_sites, errors, managed, region };
}

answer({
  [MESSAGES.check]: async ({ text }) => {
    if (typeof text !== 'string' || text.length > MAX_TEXT) throw new Error('text missing or too long');
    await settled;
    const findings = engine.check(text);
    if (!answered) {
      answered = true;
      performance.mark('chaperone-first-check');
    }
    const capped = findings.length > MAX_FINDINGS;
    return {
      findings: capped ? findings.slice(0, MAX_FINDINGS) : findings,
      total: findings.length,
      settings: publicSettings(),
    };
  },
  [MESSAGES.warm]: async () => {
    await settled;
    await warm();
    return { warm: true };
  },
  [MESSAGES.settings]: async () => {
    await settled;
    return { settings: publicSettings() };
  },
});
