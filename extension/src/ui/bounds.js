// How much of a text one check covers and how many of its flags are shown, for the extension
// and the playground alike, and the note that says what was left out: a dense paste (a list
// of patients, a pasted record) must keep the page responsive.

/** The most of a text checked: 300,000 characters of patient lines (about 30,000 flags) are
 * flagged within a second of the paste (tests/e2e/dense.mjs), while a message of a megabyte
 * or more costs the page a long task to send; a post needs far less. */
export const MAX_CHARS = 300_000;
/** How far before the cap the cut may go to fall on a line break or a space, so that no
 * identifier is checked half. */
const CUT_SLACK = 1_000;
/** The most flags shown, the first by position: more than anyone can read, and a bound on
 * the extension's reply (500 findings with their texts are about 320 KB) and on what a page
 * draws (the playground drew 13,801 cards in 3.9 s for 2,400 patient lines). */
export const MAX_FINDINGS = 500;

/** How much of `text` to check: all of it, or up to `max` characters cut at a break. */
export function checkedLength(text, max = MAX_CHARS) {
  if (text.length <= max) return text.length;
  const head = text.slice(max - CUT_SLACK, max);
  const cut = Math.max(head.lastIndexOf('\n'), head.lastIndexOf(' '));
  return cut < 0 ? max : max - CUT_SLACK + cut + 1;
}

/** What was left out, in words ('' when nothing was): `checked` of `length` characters,
 * `shown` of `total` flags. */
export function boundsNote({ checked, length, shown, total }) {
  const notes = [];
  if (checked < length) notes.push(`Chaperone checked the first ${checked.toLocaleString()} characters.`);
  if (total > shown) notes.push(`Showing the first ${shown} of ${total.toLocaleString()} flags.`);
  return notes.join(' ');
}
