// A flagged field's badge sits between the field and what follows it in the page's Tab
// order, although our host is the document's last element: Tab from the field, or Shift+Tab
// from what follows it, goes to the badge; Tab from the badge goes on, Shift+Tab back.

import { fields, targetField } from './fields.js';
import { host } from './layer.js';
import { tabbableBadge } from './draw.js';

const TABBABLE = 'a[href], area[href], button, input, select, textarea, iframe, summary, [tabindex], [contenteditable]';

/** The first element after `field` in the page's Tab order (in its own document or shadow
 * root, then its hosts'), or null. */
export function nextAfter(field) {
  for (let node = field; node;) {
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
export function focusAfter(field) {
  const next = nextAfter(field);
  if (next) next.focus();
  else field.blur();
}

/** The badge that Tab (or Shift+Tab) from the event's target should reach, or null: Tab
 * from a field, its own; Shift+Tab from what follows a field, that field's. */
export function badgeForTab(event) {
  if (!event.shiftKey) return tabbableBadge(targetField(event));
  const from = event.composedPath?.()[0] ?? event.target;
  let badge = null;
  if (from?.nodeType === Node.ELEMENT_NODE && !host.contains(from)) {
    for (const f of fields.keys()) {
      if (tabbableBadge(f) && nextAfter(f) === from) badge = tabbableBadge(f);
    }
  }
  return badge;
}
