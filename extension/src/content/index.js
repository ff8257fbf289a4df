// The content script: finds the fields a doctor types in, reads their text with a map back
// to the DOM, asks the background engine, and draws underlines, a badge and cards inside
// the extension's own shadow root. It never changes the editor's DOM to draw; fixes are
// applied the way typing would be, so the editor's model and its undo stay in sync.
//
// This file is the wiring only; a keystroke goes through the modules in this order:
//   fields.js   which element is a field, its state, watching rich editors' DOM
//   check.js    the pause before a check, the message to the engine, keeping it warm
//   extract.js  the field's text and a map from UTF-16 offsets back to DOM ranges
//   draw.js     underlines, textarea mirrors, badges, notes, the live region (layer.js)
//   cards.js    a flag's card, over the page; fix.js applies its fixes
//   tab-order.js  the badge's place in the page's Tab order

import { IDLE_MS, enabledHere, schedule, typed, warmEngine } from './check.js';
import { cardAtPointer, closeCard, nextFinding, openCard, showCard } from './cards.js';
import { badgeField, drawMirror, redrawPositions } from './draw.js';
import { fields, targetField, watchFields } from './fields.js';
import { host, layer } from './layer.js';
import { badgeForTab, focusAfter } from './tab-order.js';
import { api } from '../ext.js';

watchFields({ changed: (field) => schedule(field), scrolled: drawMirror });

// Typing anywhere (including open shadow roots, via composedPath).
document.addEventListener(
  'input',
  (e) => {
    const field = targetField(e);
    const boundary = typeof e.data === 'string' && /[\s.,;:!?)]$/.test(e.data);
    if (field && enabledHere()) {
      typed();
      schedule(field, boundary || e.inputType === 'insertParagraph' ? 0 : IDLE_MS);
    }
  },
  true,
);
document.addEventListener(
  'paste',
  (e) => {
    const field = targetField(e);
    if (field && enabledHere()) schedule(field, 0);
  },
  true,
);
document.addEventListener(
  'focusin',
  (e) => {
    const field = targetField(e);
    if (!field || !enabledHere()) return;
    if (!fields.has(field)) schedule(field, 0);
    // Sent after the field's first check, which should not wait for it.
    setTimeout(warmEngine, 0);
  },
  true,
);

// The keyboard: Alt+Shift+N opens the next flag's card, Escape closes it.
document.addEventListener(
  'keydown',
  (e) => {
    if (e.altKey && e.shiftKey && (e.key === 'N' || e.key === 'n' || e.code === 'KeyN')) {
      const field = targetField(e) ?? openCard?.field;
      if (field) {
        e.preventDefault();
        nextFinding(field);
      }
    } else if (e.key === 'Escape' && openCard) closeCard();
  },
  true,
);

// The badge: a click opens its field's first card and focuses it; Tab goes on to what
// follows the field, Shift+Tab back to the field.
layer.addEventListener('click', (e) => {
  const field = badgeField(e.target);
  if (field) showCard(field, 0, { opener: e.target })?.querySelector('.chaperone-card').focus({ preventScroll: true });
});
layer.addEventListener('keydown', (e) => {
  const field = badgeField(e.target);
  if (!field || e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey) return;
  e.preventDefault();
  if (e.shiftKey) field.focus();
  else focusAfter(field);
});
// Tab to the badge, after the page, which may use Tab itself, has had the event.
addEventListener('keydown', (e) => {
  if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented || e.isComposing) return;
  const badge = badgeForTab(e);
  if (!badge) return;
  e.preventDefault();
  badge.focus({ preventScroll: true });
});

// The pointer: moves are handled at most every 60 ms, always including the last one, so
// the card follows where the pointer stops; a press outside our layer closes the card.
let pointer = null;
let pointerTimer = 0;
document.addEventListener(
  'mousemove',
  (e) => {
    pointer = [e.clientX, e.clientY, e.composedPath?.()[0]];
    if (pointerTimer) return;
    pointerTimer = setTimeout(() => {
      pointerTimer = 0;
      cardAtPointer(...pointer);
    }, 60);
  },
  { passive: true },
);
document.addEventListener(
  'mousedown',
  (e) => {
    if (openCard && !e.composedPath().includes(host)) closeCard();
  },
  true,
);

// Scrolling and resizing move what is drawn, and close the card.
const moved = () => {
  redrawPositions();
  closeCard();
};
addEventListener('scroll', moved, { capture: true, passive: true });
addEventListener('resize', moved, { passive: true });

// The background applies the same change before it answers the next check; the short delay
// lets its storage event arrive first.
api.storage.onChanged.addListener(() => {
  for (const field of fields.keys()) schedule(field, 50);
});
