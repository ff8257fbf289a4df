// Applying a suggested fix the way typing would, so that the editor's own model, the screen
// and its undo stack agree: select the flagged span, let the editor see the selection, then
// a synthetic beforeinput the editor can handle, else execCommand (kept on the undo stack).
// A field whose text changed since its check is not touched: it is checked again instead.

import { extract, isPlain, rangeFor } from './extract.js';
import { fields } from './fields.js';
import { schedule } from './check.js';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Replaces `finding`'s span in `field` with `replacement` ('' removes it). */
export async function applyFix(field, finding, replacement) {
  const state = fields.get(field);
  if (!state || extract(field).text !== state.text) {
    schedule(field, 0);
    return;
  }
  field.focus();
  if (isPlain(field)) {
    field.setSelectionRange(finding.start, finding.end);
    if (!document.execCommand('insertText', false, replacement)) {
      field.setRangeText(replacement, finding.start, finding.end, 'end');
      field.dispatchEvent(
        new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: replacement }),
      );
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
