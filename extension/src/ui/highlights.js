// Underlines drawn with the CSS Custom Highlight API: never a change to the editor's DOM.
// Styles live in highlight.css (the content script's manifest CSS, or the playground's page).

export const SEVERITIES = ['stop', 'caution', 'coach'];
const name = (severity) => `chaperone-${severity}`;

/** Paints `{stop: [Range], caution: [...], coach: [...]}`; returns false where unsupported. */
export function paintHighlights(rangesBySeverity) {
  if (typeof CSS === 'undefined' || !CSS.highlights || typeof Highlight === 'undefined') return false;
  for (const severity of SEVERITIES) {
    const ranges = rangesBySeverity[severity] ?? [];
    if (ranges.length) CSS.highlights.set(name(severity), new Highlight(...ranges));
    else CSS.highlights.delete(name(severity));
  }
  return true;
}

export function clearHighlights() {
  if (typeof CSS === 'undefined' || !CSS.highlights) return;
  for (const severity of SEVERITIES) CSS.highlights.delete(name(severity));
}
