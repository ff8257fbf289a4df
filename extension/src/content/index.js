// The content script: finds the fields a doctor types in, reads their text with a map back
// to the DOM, asks the background engine, and draws underlines, a badge and cards inside
// the extension's own shadow root. It never changes the editor's DOM to draw; fixes are
// applied the way typing would be, so the editor's model and its undo stay in sync.
//
// This file is the wiring only; a keystroke goes through the modules in this order:
//   fields.js   which element is a field, its state, watching rich editors' DOM
//   frames.js   frames without a URL, whose fields are ours to check and draw for
//   check.js    the pause before a check, the message to the engine, keeping it warm
//   extract.js  the field's text and a map from UTF-16 offsets back to DOM ranges
//   draw.js     underlines, textarea mirrors, badges, notes, the live region (layer.js)
//   cards.js    a flag's card, over the page; fix.js applies its fixes
//   tab-order.js  the badge's place in the page's Tab order

import { IDLE_MS, enabledHere, schedule, typed, warmEngine } from './check.js';
import { cardAtPointer, closeCard, nextFinding, openCard, showCard } from './cards.js';
import { badgeField, drawMirror, redrawPositions } from './draw.js';
import { fields, targetField, watchFields } from './fields.js';
import { frameOffset, ownedByParent, watchFrames } from './frames.js';
import { host, layer } from './layer.js';
import { badgeForTab, focusAfter } from './tab-order.js';
import { api } from '../ext.js';

// Typing anywhere (including open shadow roots, via composedPath).
function onInput(e) {
  const field = targetField(e);
  const boundary = typeof e.data === 'string' && /[\s.,;:!?)]$/.test(e.data);
  if (field && enabledHere()) {
    typed();
    schedule(field, boundary || e.inputType === 'insertParagraph' ? 0 : IDLE_MS);
  }
}

function onPaste(e) {
  const field = targetField(e);
  if (field && enabledHere()) schedule(field, 0);
}

function onFocusIn(e) {
  const field = targetField(e);
  if (!field || !enabledHere()) return;
  if (!fields.has(field)) schedule(field, 0);
  // Sent after the field's first check, which should not wait for it.
  setTimeout(warmEngine, 0);
}

// The keyboard: Alt+Shift+N opens the next flag's card, Escape closes it.
function onKeyDown(e) {
  if (e.altKey && e.shiftKey && (e.key === 'N' || e.key === 'n' || e.code === 'KeyN')) {
    const field = targetField(e) ?? openCard?.field;
    if (field) {
      e.preventDefault();
      nextFinding(field);
    }
  } else if (e.key === 'Escape' && openCard) closeCard();
}

// Tab to the badge, after the page, which may use Tab itself, has had the event.
function onTab(e) {
  if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented || e.isComposing) return;
  const badge = badgeForTab(e);
  if (!badge) return;
  e.preventDefault();
  badge.focus({ preventScroll: true });
}

// The pointer: moves are handled at most every 60 ms, always including the last one, so
// the card follows where the pointer stops; a press outside our layer closes the card. A
// move in a frame is placed in our viewport.
let pointer = null;
let pointerTimer = 0;
function onMouseMove(e) {
  const target = e.composedPath?.()[0];
  const { x, y } = frameOffset(target ?? e.target);
  pointer = [e.clientX + x, e.clientY + y, target];
  if (pointerTimer) return;
  pointerTimer = setTimeout(() => {
    pointerTimer = 0;
    cardAtPointer(...pointer);
  }, 60);
}

function onMouseDown(e) {
  if (openCard && !e.composedPath().includes(host)) closeCard();
}

// Scrolling and resizing move what is drawn, and close the card.
function moved() {
  redrawPositions();
  closeCard();
}

/** Hears a document's typing, keys, pointer and scrolling: ours, and each frame's without a
 * URL (added again when a frame's document is rewritten, which is then a no-op if they are
 * still there). */
function listen(doc) {
  doc.addEventListener('input', onInput, true);
  doc.addEventListener('paste', onPaste, true);
  doc.addEventListener('focusin', onFocusIn, true);
  doc.addEventListener('keydown', onKeyDown, true);
  doc.addEventListener('mousemove', onMouseMove, { passive: true });
  doc.addEventListener('mousedown', onMouseDown, true);
  doc.defaultView.addEventListener('keydown', onTab);
  doc.defaultView.addEventListener('scroll', moved, { capture: true, passive: true });
}

/** Everything the content script listens to, in a document that is not a frame's owned by
 * its parent's content script. */
function start() {
  watchFields({ changed: (field) => schedule(field), scrolled: drawMirror });
  listen(document);
  watchFrames(listen);
  addEventListener('resize', moved, { passive: true });

  // The badge: a click opens its field's first card and focuses it; Tab goes on to what
  // follows the field, Shift+Tab back to the field.
  layer.addEventListener('click', (e) => {
    const field = badgeField(e.target);
    if (field)
      showCard(field, 0, { opener: e.target })?.querySelector('.chaperone-card').focus({ preventScroll: true });
  });
  layer.addEventListener('keydown', (e) => {
    const field = badgeField(e.target);
    if (!field || e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    if (e.shiftKey) field.focus();
    else focusAfter(field);
  });

  // The background applies the same change before it answers the next check; the short
  // delay lets its storage event arrive first.
  api.storage.onChanged.addListener(() => {
    for (const field of fields.keys()) schedule(field, 50);
  });
}

if (!ownedByParent()) start();
