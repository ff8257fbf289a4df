// Which elements are fields a doctor types in, and what Chaperone keeps for each: the last
// text checked, its findings, what the user dismissed, and our elements drawn for it. Events
// are read in the page's document and its open shadow roots (through composedPath), and in
// closed shadow roots where the browser lets an extension see them.

import { api } from '../ext.js';
import { host } from './layer.js';
import { isPlain } from './extract.js';

const TEXT_INPUTS = new Set(['text', 'search', '']);

/**
 * Per-field state, by field element.
 * `unchecked` counts the characters past what was checked, `unshown` the flags found but not
 * sent (both 0 unless the text was long or dense); `marks` are the mirror's, by finding, and
 * `mirrored` the text and findings it was filled with (and its spacer, when cut short).
 * @type {Map<Element, { text: string, findings: import('../protocol.js').Finding[], nodes: { node: Text, start: number }[],
 *   ranges?: (Range | null)[], marks?: HTMLElement[], mirrored?: { text: string, findings: object[], spacer?: HTMLElement | null },
 *   unchecked: number, unshown: number,
 *   dismissed: Set<string>, timer: number, seq: number,
 *   badge: HTMLButtonElement | null, mirror: HTMLElement | null, note: HTMLElement | null }>}
 */
export const fields = new Map();

/** What a watched field's changes call, set once by index.js: `changed(field)` when a rich
 * editor's DOM changes, `scrolled(field, state)` when a textarea or input scrolls. */
const watchers = { changed: () => {}, scrolled: () => {} };
export function watchFields({ changed, scrolled }) {
  Object.assign(watchers, { changed, scrolled });
}

/** The closed shadow root of `element`, where the browser shows it to extensions (Firefox:
 * element.openOrClosedShadowRoot; Chrome: chrome.dom.openOrClosedShadowRoot), or null. Open
 * roots need no help: events are read through them with composedPath. */
export function closedShadowRoot(element) {
  if (element.shadowRoot) return null;
  return element.openOrClosedShadowRoot ?? api.dom?.openOrClosedShadowRoot?.(element) ?? null;
}

/** The editable field a node belongs to, or null. An event from inside a closed shadow root
 * reaches us at its host: the field is then the root's focused element. Nodes may come from
 * a frame's document, whose elements are not instances of our window's classes: they are
 * told by nodeType and tagName. */
export function fieldOf(node) {
  if (node?.nodeType !== Node.ELEMENT_NODE) node = node?.parentElement;
  if (!node || host.contains(node)) return null;
  const closed = closedShadowRoot(node);
  if (closed) return closed.activeElement ? fieldOf(closed.activeElement) : null;
  if (node.tagName === 'TEXTAREA') return node;
  if (node.tagName === 'INPUT') return TEXT_INPUTS.has(node.type) ? node : null;
  if (!node.isContentEditable) return null;
  let root = node;
  while (root.parentElement?.isContentEditable) root = root.parentElement;
  return root;
}

/** The field an event happened in, including inside open shadow roots. */
export function targetField(event) {
  return fieldOf(event.composedPath?.()[0] ?? event.target);
}

/** The field's state, created and watched on first use. */
export function stateOf(field) {
  let state = fields.get(field);
  if (!state) {
    state = {
      text: '',
      findings: [],
      nodes: [],
      unchecked: 0,
      unshown: 0,
      dismissed: new Set(),
      timer: 0,
      seq: 0,
      badge: null,
      mirror: null,
      note: null,
    };
    fields.set(field, state);
    if (isPlain(field)) field.addEventListener('scroll', () => watchers.scrolled(field, state), { passive: true });
    // Rich editors (Lexical, Slate, Draft.js) handle beforeinput themselves and may never
    // fire an input event: watch their DOM for changes instead.
    else
      new MutationObserver(() => watchers.changed(field)).observe(field, {
        childList: true,
        subtree: true,
        characterData: true,
      });
  }
  return state;
}

/** Drops a field that left the page, with everything drawn for it. */
export function forget(field) {
  const state = fields.get(field);
  if (!state) return;
  state.badge?.remove();
  state.mirror?.remove();
  state.note?.remove();
  fields.delete(field);
}

/** What identifies a dismissed flag in a field: its rule and the text it flagged. */
export const dismissalKey = (finding, text) => `${finding.rule}\u0000${text.slice(finding.start, finding.end)}`;
