// Reading a field's text the way the engine sees it, with a map back to the DOM. Offsets are
// UTF-16 code units throughout, as the engine's findings give them. A textarea or input is
// its value; a contenteditable is its text nodes, each with the offset where it starts, with
// block elements and <br> as line breaks. Shared with the playground (www/playground.js).

const BLOCKS = new Set([
  'P',
  'DIV',
  'LI',
  'UL',
  'OL',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'PRE',
  'TR',
  'SECTION',
  'ARTICLE',
]);

/** Whether a field is a textarea or input, whose text has no DOM ranges (told by tagName:
 * a field in a frame is not an instance of our window's classes). */
export const isPlain = (field) => field.tagName === 'TEXTAREA' || field.tagName === 'INPUT';

/** The field's text, and for contenteditable the text nodes with their UTF-16 offsets. */
export function extract(field) {
  return isPlain(field) ? { text: field.value, nodes: [] } : extractText(field);
}

/** The element's text, and its text nodes with the UTF-16 offset where each starts. Built as
 * a list of parts joined once, with its last character kept aside: asking a growing string
 * whether it ends with a line break flattens it, which made a pasted block of 6,000 lines
 * cost a second (quadratic); this stays linear in the field's size. */
export function extractText(field) {
  const nodes = [];
  const parts = [];
  let length = 0;
  let last = '';
  const add = (part) => {
    parts.push(part);
    length += part.length;
    last = part[part.length - 1];
  };
  const newline = () => {
    if (length && last !== '\n') add('\n');
  };
  const walk = (parent) => {
    for (const child of parent.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        nodes.push({ node: child, start: length });
        if (child.data) add(child.data);
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        if (child.tagName === 'BR') {
          add('\n');
          continue;
        }
        const block = BLOCKS.has(child.tagName);
        if (block) newline();
        walk(child);
        if (block) newline();
      }
    }
  };
  walk(field);
  return { text: parts.join(''), nodes };
}

/** A DOM Range over UTF-16 offsets of the extracted text, or null if the DOM moved on. The
 * node holding an offset is looked for from the last node that starts before it, found by
 * bisection over the nodes' starts (every node before that one ends before the offset), so
 * drawing 500 flags in a field of thousands of lines does not walk its nodes 500 times. */
export function rangeFor(nodes, start, end) {
  const from = (offset) => {
    let lo = 0;
    let hi = nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (nodes[mid].start < offset) lo = mid + 1;
      else hi = mid;
    }
    return Math.max(0, lo - 1);
  };
  const locate = (offset, preferNext) => {
    for (let i = from(offset); i < nodes.length; i++) {
      const { node, start: s } = nodes[i];
      const e = s + node.data.length;
      if (offset < e || (offset === e && !(preferNext && nodes[i + 1]?.start === e))) {
        return offset >= s ? { node, offset: offset - s } : null;
      }
    }
    return null;
  };
  const a = locate(start, true);
  const b = locate(end, false);
  if (!a || !b || !a.node.isConnected || !b.node.isConnected) return null;
  const range = a.node.ownerDocument.createRange();
  range.setStart(a.node, Math.min(a.offset, a.node.data.length));
  range.setEnd(b.node, Math.min(b.offset, b.node.data.length));
  return range;
}
