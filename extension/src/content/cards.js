// The card of one flag, over the page: opened from the badge, from the pointer resting on a
// flag, or with Alt+Shift+N; its buttons fix the text, ignore the flag in this field, or
// allow the term everywhere. One card is open at a time.

import { renderCard } from '../ui/card.js';
import { api } from '../ext.js';
import { applyFix } from './fix.js';
import { settings } from './check.js';
import { draw, rectsOf } from './draw.js';
import { dismissalKey, fields } from './fields.js';
import { boxOf } from './frames.js';
import { layer, shadow } from './layer.js';

/** The open card: `{ wrap, field, index }`, or null. */
export let openCard = null;

/** Opens the card of a field's flag; Escape, or Tab out of it, closes it and gives focus back
 * to `opener` (the badge, when the card was opened from it) or the field. With `fixed`, the
 * field's text as the fix would have left it, the editor refused the fix: the card offers to
 * copy that text instead. */
export function showCard(field, index, { opener = field, fixed } = {}) {
  const state = fields.get(field);
  const finding = state?.findings[index];
  closeCard();
  if (!finding) return;
  const flagged = state.text.slice(finding.start, finding.end);
  const card = renderCard(finding, {
    trainee: settings.trainee,
    flagged: flagged.length > 80 ? `${flagged.slice(0, 77)}…` : flagged,
    onFix: async (replacement) => {
      closeCard();
      if ((await applyFix(field, finding, replacement)) !== 'refused') return;
      const text = state.text.slice(0, finding.start) + replacement + state.text.slice(finding.end);
      showCard(field, index, { opener, fixed: text })?.querySelector('.chaperone-copy').focus();
    },
    onCopy: fixed === undefined ? undefined : () => copyText(fixed),
    onIgnore: () => {
      state.dismissed.add(dismissalKey(finding, state.text));
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
  const rect = rectsOf(field, state, index)[0] ?? boxOf(field);
  const top =
    rect.bottom + 6 + card.offsetHeight > innerHeight ? Math.max(4, rect.top - card.offsetHeight - 6) : rect.bottom + 6;
  Object.assign(wrap.style, {
    left: `${Math.min(Math.max(4, rect.left), Math.max(4, innerWidth - card.offsetWidth - 4))}px`,
    top: `${top}px`,
  });
  openCard = { wrap, field, index };
  return wrap;
}

export function closeCard() {
  openCard?.wrap.remove();
  openCard = null;
}

/** Puts `text` on the clipboard (from a click on the card); false if the browser refused. */
async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Adds a term to the allow list; the background picks the change up from storage. */
async function allowTerm(term) {
  const { allow = [] } = await api.storage.local.get('allow');
  if (!allow.includes(term)) await api.storage.local.set({ allow: [...allow, term] });
  closeCard();
}

/** Alt+Shift+N: the next flag after the open card's in the field (or the first). */
export function nextFinding(field) {
  const state = fields.get(field);
  if (!state?.findings.length) return;
  const next = openCard?.field === field ? (openCard.index + 1) % state.findings.length : 0;
  const wrap = showCard(field, next);
  wrap?.querySelector('button')?.focus();
}

/** Opens the card of the flag at (x, y), unless the pointer is over the open card. */
export function cardAtPointer(x, y, target) {
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
