// Applying a suggested fix the way typing would, so that the editor's own model, the screen
// and its undo stack agree. A field whose text changed since its check is not touched: it is
// checked again instead. In a rich editor the flagged span is selected, the editor is given
// time to see the selection, and then:
// 1. a synthetic beforeinput, as typing the replacement over the selection sends: insertText
//    (or deleteContentBackward), with the span as its target range (CKEditor 5 in Firefox
//    reads only that; without it, it replaced the wrong span: "Saw Mrs a patientent");
// 2. if the editor did not take it (it neither cancelled the event nor changed its text, as
//    Trix changes its text without cancelling), execCommand, which the browser keeps on its
//    undo stack. Not both: Trix would insert twice. insertText rather than
//    insertReplacementText: Trix records no undo step for a replacement, so Ctrl+Z then
//    emptied the post;
// 3. TinyMCE records an undo level for a change it did not make only on an input event of
//    type insertReplacementText (what the browser's spell checker sends); execCommand's says
//    insertText, so Ctrl+Z went back past the post to the empty editor. It is told so.
// An editor that keeps its text as it was (one that takes only the user's own keys, cancelling
// synthetic events) has refused the fix: nothing was changed, and the card offers to copy the
// fixed text instead. Fields in frames without a URL are edited with their own document and
// window.

import { extract, isPlain, rangeFor } from './extract.js';
import { fields } from './fields.js';
import { schedule } from './check.js';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Replaces `finding`'s span in `field` with `replacement` ('' removes it). Resolves to
 * 'refused' when the editor did not take it (its text is as it was), else to 'done'. */
export async function applyFix(field, finding, replacement) {
  const state = fields.get(field);
  if (!state || extract(field).text !== state.text) {
    schedule(field, 0);
    return 'done';
  }
  // The field's own edits have it checked again meanwhile, which updates its state.
  const before = state.text;
  const doc = field.ownerDocument;
  const view = doc.defaultView;
  field.focus();
  if (isPlain(field)) {
    field.setSelectionRange(finding.start, finding.end);
    if (!doc.execCommand('insertText', false, replacement)) {
      field.setRangeText(replacement, finding.start, finding.end, 'end');
      field.dispatchEvent(
        new view.InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: replacement }),
      );
    }
  } else {
    const range = rangeFor(state.nodes, finding.start, finding.end);
    if (!range) {
      schedule(field, 0);
      return 'done';
    }
    const selection = view.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    await sleep(150);
    const target = range.startContainer.parentElement ?? field;
    const { startContainer, startOffset, endContainer, endOffset } = range;
    const event = new view.InputEvent('beforeinput', {
      inputType: replacement ? 'insertText' : 'deleteContentBackward',
      data: replacement || null,
      targetRanges: [new view.StaticRange({ startContainer, startOffset, endContainer, endOffset })],
      bubbles: true,
      cancelable: true,
      composed: true,
    });
    if (target.dispatchEvent(event)) {
      await sleep(50);
      if (extract(field).text === before) {
        doc.execCommand(replacement ? 'insertText' : 'delete', false, replacement);
        if (field.classList.contains('mce-content-body')) {
          target.dispatchEvent(
            new view.InputEvent('input', {
              bubbles: true,
              composed: true,
              inputType: 'insertReplacementText',
              data: replacement,
            }),
          );
        }
      }
    }
    // Editors that cancel the event apply it in their next render.
    await sleep(100);
    if (extract(field).text === before) return 'refused';
  }
  schedule(field, 30);
  return 'done';
}
