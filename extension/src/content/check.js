// Checking a field: after a pause in typing (at once on a word boundary), its text goes to the
// engine in the background, and the reply becomes the field's findings, less what the user
// dismissed there. While the author composes, the engine is kept warm so that no check waits
// for the background to start.

import { extract } from './extract.js';
import { dismissalKey, fields, forget, stateOf } from './fields.js';
import { draw, showNote } from './draw.js';
import { activeElement, present } from './frames.js';
import { ask, MESSAGES, send } from '../protocol.js';
import { boundsNote, checkedLength } from '../ui/bounds.js';

/** A pause in typing long enough to check without flickering mid-word; a word boundary
 * (space, punctuation, a new line) checks at once. */
export const IDLE_MS = 60;

/** The settings the background last sent (see `PublicSettings` in protocol.js). */
export let settings = { trainee: false, disabled_sites: [], errors: [] };

/** Whether Chaperone checks fields on this site. */
export function enabledHere() {
  const host = location.hostname;
  return !settings.disabled_sites?.some((d) => host === d || host.endsWith(`.${d}`));
}

/** Checks `field` after `delay` ms, unless it changes again first. */
export function schedule(field, delay = IDLE_MS) {
  // After a quiet spell the background may have been stopped: wake it now, so that it starts
  // during the typing pause instead of after it.
  if (delay > 0 && Date.now() - lastMessage > QUIET_MS) warmEngine();
  const state = stateOf(field);
  clearTimeout(state.timer);
  state.timer = setTimeout(() => check(field), delay);
}

async function check(field) {
  if (!present(field)) {
    forget(field);
    return;
  }
  const state = stateOf(field);
  const seq = ++state.seq;
  const { text, nodes } = extract(field);
  const checked = checkedLength(text);
  let reply;
  try {
    lastMessage = Date.now();
    reply = await ask(MESSAGES.check, { text: checked < text.length ? text.slice(0, checked) : text });
  } catch (error) {
    showNote(field, state, `Chaperone could not check this field: ${error?.message ?? error}`);
    return;
  }
  if (seq !== state.seq || !reply) return;
  if (reply.error) {
    showNote(field, state, `Chaperone: ${reply.error}`);
    return;
  }
  settings = reply.settings ?? settings;
  // The whole text, though only its start was checked: the mirror, fixes and dismissals read
  // the field as it is, and the findings' offsets are the same in it.
  state.text = text;
  state.nodes = nodes;
  state.findings = reply.findings.filter((f) => !state.dismissed.has(dismissalKey(f, text)));
  state.unchecked = text.length - checked;
  state.unshown = reply.total - reply.findings.length;
  const note = boundsNote({ checked, length: text.length, shown: reply.findings.length, total: reply.total });
  showNote(field, state, note);
  draw();
}

/** Keeps the engine ready while the author composes: when a field gets focus, the engine is
 * woken and builds what checks need (0.2–0.3 s, once per region) before the first
 * keystroke asks; while the field keeps focus and was typed in lately, a message every
 * 25 s stops the browser from stopping the idle background (Chrome does after 30 s), so a
 * pause between sentences does not make the next check start cold. */
const WARM_EVERY_MS = 25_000;
const COMPOSING_MS = 5 * 60_000;
/** How long without a message to the background before a keystroke also wakes it. */
const QUIET_MS = 250;
let warmTimer = 0;
let lastInput = 0;
let lastMessage = 0;

/** Wakes the engine (and has it build what checks need), without waiting for it. */
export function warmEngine() {
  lastMessage = Date.now();
  send(MESSAGES.warm).catch(() => {});
}

/** Notes that the author typed, and keeps the engine warm while they compose. */
export function typed() {
  lastInput = Date.now();
  if (warmTimer) return;
  warmTimer = setInterval(() => {
    const composing = fields.has(activeElement()) && Date.now() - lastInput < COMPOSING_MS;
    if (composing && document.visibilityState === 'visible') warmEngine();
    else {
      clearInterval(warmTimer);
      warmTimer = 0;
    }
  }, WARM_EVERY_MS);
}
