// Where a field's badge goes: at a corner of the box the user sees as the field (the editor's
// scroll container when the editable element is only as tall as its text, as CodeMirror's
// and Draft.js's are), clipped to what is visible of it, inside the window; never over the
// field's text, and never over the page's own controls drawn on the field (an emoji button,
// a character counter, a "Powered by" label). The bottom-right corner inside the box comes
// first; then further left along the bottom edge, the top-right corner, and just outside
// the box: under it, right of it, above it.

import { host } from './layer.js';

/** How far up from the editable element a scroll container still counts as its frame, and
 * how much wider than it (gutters, padding) it may be; a frame holds no controls of its own. */
const FRAME_LEVELS = 4;
const FRAME_SLACK_PX = 80;
/** Gap between the badge and the box's edge or what it avoids. */
const GAP = 4;
/** Beyond this many characters the text's boxes are not measured (a pasted megabyte would
 * cost a long task on every scroll); the badge then takes the first corner. */
export const MAX_MEASURED_CHARS = 20_000;

const rectOf = (r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
/** The parent of a node, stepping out of shadow roots to their hosts. */
const up = (node) => (node.parentNode instanceof ShadowRoot ? node.parentNode.host : node.parentElement);
const scrolls = (style) => /auto|scroll/.test(style.overflowY) || /auto|scroll/.test(style.overflowX);

const CONTROLS = 'button, a[href], input, select, textarea, [role=button], [tabindex]';

/** Whether `frame` holds controls of its own beside `field` (then it is a composer, not the
 * editor's frame). */
const hasOwnControls = (frame, field) =>
  [...frame.querySelectorAll(CONTROLS)].some((el) => el !== field && !field.contains(el) && !el.contains(field));

/** The box the user sees as `field`, in its document's viewport coordinates: the field's, or
 * its editor's scroll container's (a frame's editable body: the frame's), cut to its clipping
 * ancestors and the window. Null when none of it shows. */
export function visibleBox(field, plain) {
  const doc = field.ownerDocument;
  const view = doc.defaultView;
  const getComputedStyle = (el) => view.getComputedStyle(el);
  const width = doc.documentElement.clientWidth || view.innerWidth;
  let box =
    field === doc.body && doc !== document
      ? { left: 0, top: 0, right: width, bottom: doc.documentElement.clientHeight || view.innerHeight }
      : rectOf(field.getBoundingClientRect());
  if (!plain && field !== doc.body && !scrolls(getComputedStyle(field))) {
    let el = up(field);
    for (let level = 0; el && level < FRAME_LEVELS; level++, el = up(el)) {
      if (!scrolls(getComputedStyle(el))) continue;
      const r = el.getBoundingClientRect();
      const encloses = r.left <= box.left + 1 && r.right >= box.right - 1;
      if (encloses && r.width <= box.right - box.left + FRAME_SLACK_PX && !hasOwnControls(el, field)) {
        box = { left: r.left, top: Math.min(r.top, box.top), right: r.right, bottom: Math.max(r.bottom, box.bottom) };
      }
      break;
    }
  }
  for (let el = up(field); el && el !== doc.documentElement; el = up(el)) {
    const style = getComputedStyle(el);
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    const r = el.getBoundingClientRect();
    box = {
      left: Math.max(box.left, r.left),
      top: Math.max(box.top, r.top),
      right: Math.min(box.right, r.right),
      bottom: Math.min(box.bottom, r.bottom),
    };
  }
  box = {
    left: Math.max(box.left, 0),
    top: Math.max(box.top, 0),
    right: Math.min(box.right, width),
    bottom: Math.min(box.bottom, view.innerHeight),
  };
  return box.right > box.left && box.bottom > box.top ? box : null;
}

/** The boxes of the text shown in `view` (the editable element, or a textarea's mirror). */
function textRects(view) {
  const shown = view.getBoundingClientRect();
  const rects = [];
  const walker = view.ownerDocument.createTreeWalker(view, NodeFilter.SHOW_TEXT);
  const range = view.ownerDocument.createRange();
  while (walker.nextNode()) {
    range.selectNodeContents(walker.currentNode);
    for (const r of range.getClientRects()) if (r.width > 1 && overlaps(r, shown)) rects.push(rectOf(r));
  }
  return rects;
}

/** Whether `point` is in one of `el`'s own lines of text. */
function ownTextAt(el, [x, y]) {
  const range = el.ownerDocument.createRange();
  for (const node of el.childNodes) {
    if (node.nodeType !== Node.TEXT_NODE || !node.data.trim()) continue;
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  }
  return false;
}

const PICTURES = 'img, svg, canvas, video, iframe, object, embed';

/** Whether the page draws something of its own at `point` over or beside the field: a control
 * (a button, a link, an emoji picker), a picture, or text (a label, a counter). The field, what
 * is inside it, what is behind it and empty boxes do not count. */
function foreignAt(field, point) {
  const root = field.getRootNode();
  const top = (root.elementsFromPoint ? root : field.ownerDocument)
    .elementsFromPoint(...point)
    .find((el) => el !== host);
  if (!top || field.contains(top)) return false;
  const behind = new Set();
  for (let el = field; el; el = up(el)) behind.add(el);
  if (behind.has(top)) return false;
  for (let el = top; el && !behind.has(el); el = up(el)) {
    if (el.matches(CONTROLS) || el.matches(PICTURES)) return true;
  }
  return ownTextAt(top, point);
}

/**
 * Where to put a `width` × `height` badge for `field`: `{ left, top }` in its document's
 * viewport coordinates, or null when the field is not visible. `view` is what shows the field's text
 * (the field, or a textarea's mirror), `length` the text's length.
 */
export function placeBadge(field, { plain, view, length, width, height }) {
  const box = visibleBox(field, plain);
  if (!box) return null;
  const win = field.ownerDocument.defaultView;
  const vw = field.ownerDocument.documentElement.clientWidth || win.innerWidth;
  const at = (left, top) => ({ left, top });
  const { left: L, top: T, right: R, bottom: B } = box;
  const candidates = [
    at(R - width - GAP, B - height - GAP),
    at(R - 2 * (width + GAP), B - height - GAP),
    at(R - 3 * (width + GAP), B - height - GAP),
    at(R - width - GAP, T + GAP),
    at(R - width, B + GAP),
    at(R + GAP, B - height),
    at(R + GAP, T),
    at(R - width, T - height - GAP),
  ].filter((c) => c.left >= L && c.top >= 0 && c.left + width <= vw && c.top + height <= win.innerHeight);
  const text = length <= MAX_MEASURED_CHARS ? textRects(view) : [];
  const free = candidates.find((c) => {
    const r = { left: c.left, top: c.top, right: c.left + width, bottom: c.top + height };
    if (text.some((t) => overlaps(t, r))) return false;
    const points = [
      [r.left + 1, r.top + 1],
      [r.right - 1, r.top + 1],
      [r.left + 1, r.bottom - 1],
      [r.right - 1, r.bottom - 1],
      [(r.left + r.right) / 2, (r.top + r.bottom) / 2],
    ];
    return !points.some((point) => foreignAt(field, point));
  });
  return (
    free ?? candidates[0] ?? { left: Math.max(L, Math.min(R, vw) - width - GAP), top: Math.max(T, B - height - GAP) }
  );
}
