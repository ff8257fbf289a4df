// The content script: finds the fields a doctor types in, reads their text with a map back
// to the DOM, asks the background engine, and draws underlines, a badge and cards inside
// the extension's own shadow root. It never changes the editor's DOM to draw; fixes are
// applied the way typing would be, so the editor's model and its undo stay in sync.

import { renderCard } from './ui/card.js';
import { clearHighlights, paintHighlights, SEVERITIES } from './ui/highlights.js';
import { summarize } from './ui/summary.js';
import { extractText, rangeFor } from './ui/text-map.js';
import uiCss from './ui/ui.css';

const api = globalThis.browser ?? globalThis.chrome;
/** A pause in typing long enough to check without flickering mid-word; a word boundary
 * (space, punctuation, a new line) checks at once. */
const IDLE_MS = 60;
const MAX_CHARS = 300_000;
const TEXT_INPUTS = new Set(['text', 'search', '']);

/** Per-field state: the last text checked, its findings, and what the user dismissed. */
const fields = new Map();
let settings = { trainee: false, disabled_sites: [], errors: [] };
let openCard = null;

// ---------------------------------------------------------------------------------------
// The extension's own UI: one host element with an open shadow root.

const host = document.createElement('div');
host.id = 'chaperone-host';
host.setAttribute('data-chaperone', '');
const shadow = host.attachShadow({ mode: 'open' });
const layer = document.createElement('div');
layer.className = 'chaperone-layer chaperone-ui';
const live = document.createElement('div');
live.className = 'chaperone-live';
live.setAttribute('role', 'status');
live.setAttribute('aria-live', 'polite');
layer.append(live);
shadow.append(layer);
adoptStyles(shadow, uiCss);

function adoptStyles(root, css) {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
}

function mountHost() {
  if (!host.isConnected) document.documentElement.append(host);
}

// ---------------------------------------------------------------------------------------
// Fields.

/** The editable field an event target belongs to, or null. */
function fieldOf(node) {
  if (!(node instanceof Element)) node = node?.parentElement;
  if (!node || host.contains(node)) return null;
  if (node instanceof HTMLTextAreaElement) return node;
  if (node instanceof HTMLInputElement) return TEXT_INPUTS.has(node.type) ? node : null;
  if (!node.isContentEditable) return null;
  let root = node;
  while (root.parentElement?.isContentEditable) root = root.parentElement;
  return root;
}

const isPlain = (field) => field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement;

/** The field's text, and for contenteditable the text nodes with their UTF-16 offsets. */
function extract(field) {
  return isPlain(field) ? { text: field.value, nodes: [] } : extractText(field);
}

function stateOf(field) {
  let state = fields.get(field);
  if (!state) {
    state = { text: '', findings: [], nodes: [], dismissed: new Set(), timer: 0, seq: 0, badge: null, mirror: null, note: null };
    fields.set(field, state);
    if (isPlain(field)) field.addEventListener('scroll', () => drawMirror(field, state), { passive: true });
    // Rich editors (Lexical, Slate, Draft.js) handle beforeinput themselves and may never
    // fire an input event: watch their DOM for changes instead.
    else new MutationObserver(() => schedule(field)).observe(field, { childList: true, subtree: true, characterData: true });
  }
  return state;
}

function schedule(field, delay = IDLE_MS) {
  // After a quiet spell the background may have been stopped: wake it now, so that it starts
  // during the typing pause instead of after it.
  if (delay > 0 && Date.now() - lastMessage > QUIET_MS) warmEngine();
  const state = stateOf(field);
  clearTimeout(state.timer);
  state.timer = setTimeout(() => check(field), delay);
}

/** Sends a message to the engine. A stopped service worker is restarted by the browser on
 * the first message, which can fail, hang or go unanswered while it starts: retry with a
 * timeout and backoff. */
async function ask(message) {
  lastMessage = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      const timeout = new Promise((r) => setTimeout(r, 3000, undefined));
      const reply = await Promise.race([api.runtime.sendMessage(message), timeout]);
      if (reply) return reply;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
    if (attempt >= 3) return undefined;
    await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
  }
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

function warmEngine() {
  lastMessage = Date.now();
  api.runtime.sendMessage({ type: 'warm' }).catch(() => {});
}

function keepWarm() {
  if (warmTimer) return;
  warmTimer = setInterval(() => {
    const composing = fields.has(document.activeElement) && Date.now() - lastInput < COMPOSING_MS;
    if (composing && document.visibilityState === 'visible') warmEngine();
    else {
      clearInterval(warmTimer);
      warmTimer = 0;
    }
  }, WARM_EVERY_MS);
}

async function check(field) {
  if (!field.isConnected) {
    forget(field);
    return;
  }
  const state = stateOf(field);
  const seq = ++state.seq;
  let { text, nodes } = extract(field);
  const truncated = text.length > MAX_CHARS;
  if (truncated) text = text.slice(0, MAX_CHARS);
  let reply;
  try {
    reply = await ask({ type: 'check', text });
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
  state.text = text;
  state.nodes = nodes;
  state.findings = reply.findings.filter((f) => !state.dismissed.has(keyOf(f, text)));
  const notes = [];
  if (truncated) notes.push(`Chaperone checked the first ${MAX_CHARS.toLocaleString()} characters.`);
  if (reply.total > reply.findings.length) notes.push(`Showing the first ${reply.findings.length} of ${reply.total} flags.`);
  showNote(field, state, notes.join(' '));
  draw();
}

const keyOf = (f, text) => `${f.rule}\u0000${text.slice(f.start, f.end)}`;

function forget(field) {
  const state = fields.get(field);
  if (!state) return;
  state.badge?.remove();
  state.mirror?.remove();
  state.note?.remove();
  fields.delete(field);
}

// ---------------------------------------------------------------------------------------
// Drawing: highlights, textarea mirrors, badges, the live region.

function draw() {
  mountHost();
  const ranges = Object.fromEntries(SEVERITIES.map((s) => [s, []]));
  let all = [];
  for (const [field, state] of fields) {
    if (!field.isConnected) {
      forget(field);
      continue;
    }
    all = all.concat(state.findings);
    if (isPlain(field)) drawMirror(field, state);
    else {
      state.ranges = state.findings.map((f) => rangeFor(state.nodes, f.start, f.end));
      state.findings.forEach((f, i) => state.ranges[i] && ranges[f.severity]?.push(state.ranges[i]));
    }
    drawBadge(field, state);
  }
  if (!paintHighlights(ranges)) clearHighlights();
  const summary = summarize(all);
  if (live.textContent !== summary) live.textContent = summary;
}

const MIRRORED = ['fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'letterSpacing', 'lineHeight', 'textTransform', 'textAlign', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'wordSpacing', 'tabSize', 'direction'];

/** A textarea has no DOM ranges: a transparent copy of its text in our layer carries marks. */
function drawMirror(field, state) {
  if (!state.mirror) {
    state.mirror = document.createElement('div');
    state.mirror.className = 'chaperone-mirror';
    state.mirror.setAttribute('aria-hidden', 'true');
    layer.prepend(state.mirror);
  }
  const mirror = state.mirror;
  const style = getComputedStyle(field);
  for (const key of MIRRORED) mirror.style[key] = style[key];
  if (field instanceof HTMLInputElement) mirror.style.whiteSpace = 'pre';
  const rect = field.getBoundingClientRect();
  Object.assign(mirror.style, { left: `${rect.left}px`, top: `${rect.top}px`, width: `${rect.width}px`, height: `${rect.height}px` });
  const text = state.text;
  const parts = [];
  let at = 0;
  for (const f of [...state.findings].sort((a, b) => a.start - b.start)) {
    if (f.start < at) continue;
    parts.push(document.createTextNode(text.slice(at, f.start)));
    const mark = document.createElement('mark');
    mark.className = f.severity;
    mark.textContent = text.slice(f.start, f.end);
    mark.dataset.index = String(state.findings.indexOf(f));
    parts.push(mark);
    at = f.end;
  }
  parts.push(document.createTextNode(`${text.slice(at)}\u200b`));
  mirror.replaceChildren(...parts);
  mirror.scrollTop = field.scrollTop;
  mirror.scrollLeft = field.scrollLeft;
}

function drawBadge(field, state) {
  if (!state.badge) {
    state.badge = document.createElement('button');
    state.badge.type = 'button';
    state.badge.className = 'chaperone-badge';
    // Out of the page's own Tab order (our host is the document's last element): Tab from
    // the field reaches it, and Tab from it goes on to what follows the field.
    state.badge.tabIndex = -1;
    const badge = state.badge;
    badge.addEventListener('click', () => showCard(field, 0, { opener: badge })?.querySelector('.chaperone-card').focus({ preventScroll: true }));
    badge.addEventListener('keydown', (e) => {
      if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey) return;
      e.preventDefault();
      if (e.shiftKey) field.focus();
      else focusAfter(field);
    });
    layer.append(badge);
  }
  const badge = state.badge;
  const count = state.findings.length;
  badge.textContent = String(count);
  badge.dataset.count = String(count);
  badge.classList.toggle('has-stop', state.findings.some((f) => f.severity === 'stop'));
  badge.classList.toggle('has-caution', !state.findings.some((f) => f.severity === 'stop') && state.findings.some((f) => f.severity === 'caution'));
  // The name starts with the count the badge shows, then says what it counts.
  const flags = `${count} Chaperone ${count === 1 ? 'flag' : 'flags'}`;
  badge.setAttribute('aria-label', count ? `${flags}: ${summarize(state.findings)}. Alt+Shift+N for the next flag.` : `${flags}: ${summarize([])}`);
  const rect = field.getBoundingClientRect();
  badge.hidden = rect.width === 0 && rect.height === 0;
  // Inside the field's corner, and inside the window when the field is wider (a zoomed page).
  const right = Math.min(rect.right, document.documentElement.clientWidth || innerWidth);
  const bottom = Math.min(rect.bottom, innerHeight);
  Object.assign(badge.style, { left: `${Math.max(rect.left, right - 30)}px`, top: `${Math.max(rect.top, bottom - 28)}px` });
  if (state.note) Object.assign(state.note.style, { left: `${rect.left}px`, top: `${rect.bottom + 4}px` });
}

function showNote(field, state, message) {
  if (!message) {
    state.note?.remove();
    state.note = null;
    return;
  }
  if (!state.note) {
    state.note = document.createElement('div');
    state.note.className = 'chaperone-note';
    layer.append(state.note);
  }
  state.note.textContent = message;
  mountHost();
  drawBadge(field, state);
}

function redrawPositions() {
  for (const [field, state] of fields) {
    if (isPlain(field) && state.mirror) drawMirror(field, state);
    if (state.badge) drawBadge(field, state);
  }
  closeCard();
}

// ---------------------------------------------------------------------------------------
// Cards and fixes.

function rectsOf(field, state, index) {
  if (isPlain(field)) {
    const mark = state.mirror?.querySelector(`mark[data-index="${index}"]`);
    return mark ? [...mark.getClientRects()] : [];
  }
  const range = state.ranges?.[index];
  return range ? [...range.getClientRects()] : [];
}

/** Opens the card of a field's flag; Escape, or Tab out of it, closes it and gives focus back
 * to `opener` (the badge, when the card was opened from it) or the field. */
function showCard(field, index, { opener = field } = {}) {
  const state = fields.get(field);
  const finding = state?.findings[index];
  closeCard();
  if (!finding) return;
  const flagged = state.text.slice(finding.start, finding.end);
  const card = renderCard(finding, {
    trainee: settings.trainee,
    flagged: flagged.length > 80 ? `${flagged.slice(0, 77)}…` : flagged,
    onFix: (replacement) => applyFix(field, finding, replacement),
    onIgnore: () => {
      state.dismissed.add(keyOf(finding, state.text));
      state.findings = state.findings.filter((f) => f !== finding);
      closeCard();
      draw();
    },
    onAllow: () => allowTerm(flagged),
  });
  card.tabIndex = -1;
  const wrap = document.createElement('div');
  wrap.className = 'chaperone-card-wrap';
  wrap.append(card);
  wrap.addEventListener('keydown', (e) => {
    const leaving = () => {
      const stops = [card, ...card.querySelectorAll('button, summary')];
      const at = stops.indexOf(shadow.activeElement);
      return e.shiftKey ? at <= 0 : at === stops.length - 1;
    };
    if (e.key === 'Escape' || (e.key === 'Tab' && !e.altKey && !e.ctrlKey && !e.metaKey && leaving())) {
      e.preventDefault();
      closeCard();
      opener.focus({ preventScroll: true });
    }
  });
  layer.append(wrap);
  const rect = rectsOf(field, state, index)[0] ?? field.getBoundingClientRect();
  const top = rect.bottom + 6 + card.offsetHeight > innerHeight ? Math.max(4, rect.top - card.offsetHeight - 6) : rect.bottom + 6;
  Object.assign(wrap.style, { left: `${Math.min(Math.max(4, rect.left), Math.max(4, innerWidth - card.offsetWidth - 4))}px`, top: `${top}px` });
  openCard = { wrap, field, index };
  return wrap;
}

function closeCard() {
  openCard?.wrap.remove();
  openCard = null;
}

async function allowTerm(term) {
  const { allow = [] } = await api.storage.local.get('allow');
  if (!allow.includes(term)) await api.storage.local.set({ allow: [...allow, term] });
  closeCard();
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Replaces a flagged span as typing would: select, let the editor see the selection, then a
 * synthetic beforeinput the editor can handle, else execCommand (kept on the undo stack). */
async function applyFix(field, finding, replacement) {
  const state = fields.get(field);
  closeCard();
  if (!state || extract(field).text !== state.text) {
    schedule(field, 0);
    return;
  }
  field.focus();
  if (isPlain(field)) {
    field.setSelectionRange(finding.start, finding.end);
    if (!document.execCommand('insertText', false, replacement)) {
      field.setRangeText(replacement, finding.start, finding.end, 'end');
      field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: replacement }));
    }
  } else {
    const range = rangeFor(state.nodes, finding.start, finding.end);
    if (!range) return schedule(field, 0);
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    await sleep(150);
    const target = range.startContainer.parentElement ?? field;
    const event = new InputEvent('beforeinput', {
      inputType: replacement ? 'insertReplacementText' : 'deleteContentBackward',
      data: replacement || null,
      bubbles: true,
      cancelable: true,
      composed: true,
    });
    if (target.dispatchEvent(event)) {
      document.execCommand(replacement ? 'insertText' : 'delete', false, replacement);
    }
  }
  schedule(field, 30);
}

/** Alt+Shift+N: the next flag after the caret in the focused field (or the first). */
function nextFinding(field) {
  const state = fields.get(field);
  if (!state?.findings.length) return;
  const next = openCard?.field === field ? (openCard.index + 1) % state.findings.length : 0;
  const wrap = showCard(field, next);
  wrap?.querySelector('button')?.focus();
}

// ---------------------------------------------------------------------------------------
// Events: typing anywhere (including open shadow roots, via composedPath), pointer over a
// flag, keyboard, scroll and resize, settings changes.

function targetField(event) {
  return fieldOf(event.composedPath?.()[0] ?? event.target);
}

function enabledHere() {
  const host = location.hostname;
  return !settings.disabled_sites?.some((d) => host === d || host.endsWith(`.${d}`));
}

document.addEventListener('input', (e) => {
  const field = targetField(e);
  const boundary = typeof e.data === 'string' && /[\s.,;:!?)]$/.test(e.data);
  if (field && enabledHere()) {
    lastInput = Date.now();
    keepWarm();
    schedule(field, boundary || e.inputType === 'insertParagraph' ? 0 : IDLE_MS);
  }
}, true);
document.addEventListener('paste', (e) => {
  const field = targetField(e);
  if (field && enabledHere()) schedule(field, 0);
}, true);
document.addEventListener('focusin', (e) => {
  const field = targetField(e);
  if (!field || !enabledHere()) return;
  if (!fields.has(field)) schedule(field, 0);
  // Sent after the field's first check, which should not wait for it.
  setTimeout(warmEngine, 0);
}, true);
document.addEventListener('keydown', (e) => {
  if (e.altKey && e.shiftKey && (e.key === 'N' || e.key === 'n' || e.code === 'KeyN')) {
    const field = targetField(e) ?? openCard?.field;
    if (field) {
      e.preventDefault();
      nextFinding(field);
    }
  } else if (e.key === 'Escape' && openCard) closeCard();
}, true);

/** The first element after `field` in the page's Tab order (in its own document or shadow
 * root, then its hosts'), or null. */
const TABBABLE = 'a[href], area[href], button, input, select, textarea, iframe, summary, [tabindex], [contenteditable]';
function nextAfter(field) {
  for (let node = field; node; ) {
    const root = node.getRootNode();
    const next = [...root.querySelectorAll(TABBABLE)].find(
      (el) =>
        !node.contains(el) &&
        node.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING &&
        el.tabIndex >= 0 &&
        !el.disabled &&
        !el.closest('[inert]') &&
        !el.parentElement?.isContentEditable &&
        el.getClientRects().length > 0 &&
        getComputedStyle(el).visibility !== 'hidden',
    );
    if (next) return next;
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}

/** Focuses what follows `field`, or blurs it when nothing does. */
function focusAfter(field) {
  const next = nextAfter(field);
  if (next) next.focus();
  else field.blur();
}

const tabbableBadge = (field) => {
  const badge = fields.get(field)?.badge;
  return badge?.isConnected && !badge.hidden && badge.dataset.count !== '0' ? badge : null;
};

// A flagged field's badge sits between the field and what follows it in Tab order: Tab from
// the field, or Shift+Tab from what follows, goes to the badge (after the page, which may use
// Tab itself, has had the event).
addEventListener('keydown', (e) => {
  if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented || e.isComposing) return;
  let badge = null;
  if (!e.shiftKey) badge = tabbableBadge(targetField(e));
  else {
    const from = e.composedPath?.()[0] ?? e.target;
    if (from instanceof Element && !host.contains(from)) {
      for (const field of fields.keys()) {
        if (tabbableBadge(field) && nextAfter(field) === from) badge = tabbableBadge(field);
      }
    }
  }
  if (!badge) return;
  e.preventDefault();
  badge.focus({ preventScroll: true });
});

/** Opens the card of the flag under the pointer. Pointer moves are handled at most every
 * 60 ms, always including the last one, so the card follows where the pointer stops. */
function cardAtPointer(x, y, target) {
  if (openCard?.wrap.contains(target)) return;
  for (const [field, state] of fields) {
    for (let i = 0; i < state.findings.length; i++) {
      const hit = rectsOf(field, state, i).some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
      if (hit) {
        if (openCard?.field !== field || openCard.index !== i) showCard(field, i);
        return;
      }
    }
  }
}

let pointer = null;
let pointerTimer = 0;
document.addEventListener('mousemove', (e) => {
  pointer = [e.clientX, e.clientY, e.composedPath?.()[0]];
  if (pointerTimer) return;
  pointerTimer = setTimeout(() => {
    pointerTimer = 0;
    cardAtPointer(...pointer);
  }, 60);
}, { passive: true });
document.addEventListener('mousedown', (e) => {
  if (openCard && !e.composedPath().includes(host)) closeCard();
}, true);
addEventListener('scroll', redrawPositions, { capture: true, passive: true });
addEventListener('resize', redrawPositions, { passive: true });

// The background applies the same change before it answers the next check; the short delay
// lets its storage event arrive first.
api.storage.onChanged.addListener(() => {
  for (const field of fields.keys()) schedule(field, 50);
});
