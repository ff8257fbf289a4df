// Drawing a field's findings, all inside our shadow root or as registered highlights, never in
// the editor's DOM: underlines (the CSS Custom Highlight API on contenteditable; a mirror of a
// textarea's or input's text carrying marks), a badge with the field's count, a note under
// the field, and the page's summary in the live region.

import { isPlain, rangeFor } from './extract.js';
import { fields, forget } from './fields.js';
import { boxOf, frameOffset, present, shifted } from './frames.js';
import { layer, live, mountHost, styleHighlightsIn } from './layer.js';
import { MAX_MEASURED_CHARS, placeBadge } from './place.js';
import { clearHighlights, paintHighlights, SEVERITIES } from '../ui/highlights.js';
import { summarize } from '../ui/summary.js';

/** The windows whose documents hold our highlights (ours, and frames' without a URL). */
let painted = new Set([window]);

/** Redraws every field's findings, and forgets fields that left the page. */
export function draw() {
  mountHost();
  /** Ranges by severity, for each window whose document holds fields. */
  const byView = new Map([[window, null]]);
  let all = [];
  /** Flags found but not sent, over all fields (the live region says how many). */
  let unshown = 0;
  for (const [field, state] of fields) {
    if (!present(field)) {
      forget(field);
      continue;
    }
    all = all.concat(state.findings);
    unshown += state.unshown;
    if (isPlain(field)) drawMirror(field, state);
    else {
      if (state.findings.length) styleHighlightsIn(field.getRootNode());
      const view = field.ownerDocument.defaultView;
      const ranges = byView.get(view) ?? Object.fromEntries(SEVERITIES.map((s) => [s, []]));
      byView.set(view, ranges);
      state.ranges = state.findings.map((f) => rangeFor(state.nodes, f.start, f.end));
      state.findings.forEach((f, i) => state.ranges[i] && ranges[f.severity]?.push(state.ranges[i]));
    }
    drawBadge(field, state);
  }
  for (const view of painted) if (!byView.has(view) && !view.closed) clearHighlights(view);
  for (const [view, ranges] of byView) if (!ranges || !paintHighlights(ranges, view)) clearHighlights(view);
  painted = new Set(byView.keys());
  const summary = `${summarize(all)}${unshown ? `, and ${unshown.toLocaleString()} more not shown` : ''}`;
  if (live.textContent !== summary) live.textContent = summary;
}

/** Moves mirrors, badges and notes to where their fields are now (after a scroll or resize). */
export function redrawPositions() {
  for (const [field, state] of fields) {
    if (isPlain(field) && state.mirror) drawMirror(field, state);
    if (state.badge) drawBadge(field, state);
  }
}

const MIRRORED = [
  'fontFamily',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'letterSpacing',
  'lineHeight',
  'textTransform',
  'textAlign',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'wordSpacing',
  'tabSize',
  'direction',
];

/** A textarea has no DOM ranges: a transparent copy of its text in our layer carries marks.
 * The copy is rebuilt only when the text or its findings changed (a scroll or resize only
 * moves it), and for a text longer than MAX_MEASURED_CHARS (whose boxes the badge does not
 * read) it holds the text only up to the end of the line of its last mark, with a spacer as
 * tall as the rest: laying out a pasted 300,000 characters again cost the page 0.1 s at every
 * check, and the marks need only the lines before them. */
export function drawMirror(field, state) {
  if (!state.mirror) {
    state.mirror = document.createElement('div');
    state.mirror.className = 'chaperone-mirror';
    state.mirror.setAttribute('aria-hidden', 'true');
    layer.prepend(state.mirror);
  }
  const mirror = state.mirror;
  const style = field.ownerDocument.defaultView.getComputedStyle(field);
  for (const key of MIRRORED) mirror.style[key] = style[key];
  if (field.tagName === 'INPUT') mirror.style.whiteSpace = 'pre';
  const rect = boxOf(field);
  Object.assign(mirror.style, {
    left: `${rect.left}px`,
    top: `${rect.top}px`,
    width: `${rect.width}px`,
    height: `${rect.height}px`,
  });
  if (state.mirrored?.text !== state.text || state.mirrored.findings !== state.findings) {
    state.mirrored = { text: state.text, findings: state.findings };
    fillMirror(mirror, state);
  }
  // The spacer makes the copy scroll as far as the field: what is left of the field's
  // height below the copy's last line.
  const spacer = state.mirrored.spacer;
  if (spacer) {
    const rest = field.scrollHeight - spacer.offsetTop - parseFloat(style.paddingBottom);
    spacer.style.height = `${Math.max(0, rest)}px`;
  }
  mirror.scrollTop = field.scrollTop;
  mirror.scrollLeft = field.scrollLeft;
}

/** Puts the field's text in its mirror (cut after the last mark's line when long, with
 * `state.mirrored.spacer` below), each flag's span in a mark (`state.marks`, by finding;
 * none where a flag overlaps an earlier one). */
function fillMirror(mirror, state) {
  const text = state.text;
  const parts = [];
  state.marks = [];
  let at = 0;
  const order = state.findings.map((f, index) => ({ f, index })).sort((a, b) => a.f.start - b.f.start);
  for (const { f, index } of order) {
    if (f.start < at) continue;
    parts.push(document.createTextNode(text.slice(at, f.start)));
    const mark = document.createElement('mark');
    mark.className = f.severity;
    mark.textContent = text.slice(f.start, f.end);
    state.marks[index] = mark;
    parts.push(mark);
    at = f.end;
  }
  const lineEnd = text.indexOf('\n', at);
  const end = text.length > MAX_MEASURED_CHARS && lineEnd >= 0 ? lineEnd : text.length;
  parts.push(document.createTextNode(`${text.slice(at, end)}\u200b`));
  state.mirrored.spacer = end < text.length ? document.createElement('div') : null;
  if (state.mirrored.spacer) parts.push(state.mirrored.spacer);
  mirror.replaceChildren(...parts);
}

/** The field's badge: its count, coloured by the worst severity, at the field's corner (place.js). Its
 * clicks and keys are handled in index.js. */
function drawBadge(field, state) {
  if (!state.badge) {
    state.badge = document.createElement('button');
    state.badge.type = 'button';
    state.badge.className = 'chaperone-badge';
    // Out of the page's own Tab order (our host is the document's last element): Tab from
    // the field reaches it, and Tab from it goes on to what follows the field.
    state.badge.tabIndex = -1;
    layer.append(state.badge);
  }
  const badge = state.badge;
  const count = state.findings.length;
  // "500+" when there may be more flags than it shows: found but not sent, or in text past
  // what was checked (the note under the field says which).
  const more = state.unshown > 0 || state.unchecked > 0;
  badge.textContent = `${count}${more ? '+' : ''}`;
  badge.dataset.count = String(count);
  const stop = state.findings.some((f) => f.severity === 'stop');
  badge.classList.toggle('has-stop', stop);
  badge.classList.toggle('has-caution', !stop && state.findings.some((f) => f.severity === 'caution'));
  // The name starts with the count the badge shows, then says what it counts.
  let flags = `${count} Chaperone ${count === 1 ? 'flag' : 'flags'}`;
  if (state.unshown) flags += ` (the first ${count} of ${(count + state.unshown).toLocaleString()})`;
  if (state.unchecked) flags += ` in the first ${(state.text.length - state.unchecked).toLocaleString()} characters`;
  badge.setAttribute(
    'aria-label',
    count ? `${flags}: ${summarize(state.findings)}. Alt+Shift+N for the next flag.` : `${flags}: ${summarize([])}`,
  );
  const plain = isPlain(field);
  badge.hidden = false;
  const at = placeBadge(field, {
    plain,
    view: plain ? (state.mirror ?? field) : field,
    length: state.text.length,
    width: badge.offsetWidth,
    height: badge.offsetHeight,
  });
  badge.hidden = !at;
  // Placed in the field's document: a frame's is moved by the frame's place.
  const offset = frameOffset(field);
  if (at) Object.assign(badge.style, { left: `${at.left + offset.x}px`, top: `${at.top + offset.y}px` });
  const rect = boxOf(field);
  if (state.note) Object.assign(state.note.style, { left: `${rect.left}px`, top: `${rect.bottom + 4}px` });
}

/** Shows `message` under the field (an error, or that not everything was checked or shown),
 * or removes the note when `message` is empty. */
export function showNote(field, state, message) {
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

/** The screen boxes of a field's flag `index` in our viewport: its range (in a frame, moved
 * by the frame's place), or its mark in the mirror. */
export function rectsOf(field, state, index) {
  if (isPlain(field)) {
    const mark = state.marks?.[index];
    return mark ? [...mark.getClientRects()] : [];
  }
  const range = state.ranges?.[index];
  if (!range) return [];
  const offset = frameOffset(field);
  return [...range.getClientRects()].map((r) => shifted(r, offset));
}

/** The field whose badge `element` is, or null. */
export function badgeField(element) {
  for (const [field, state] of fields) if (state.badge === element) return field;
  return null;
}

/** A field's badge if it shows flags, so that Tab can stop on it; else null. */
export function tabbableBadge(field) {
  const badge = fields.get(field)?.badge;
  return badge?.isConnected && !badge.hidden && badge.dataset.count !== '0' ? badge : null;
}
