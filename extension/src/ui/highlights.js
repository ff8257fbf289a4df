// Underlines drawn with the CSS Custom Highlight API: never a change to the editor's DOM.
// Styles live in highlight.css (the content script's manifest CSS, or the playground's page).
// Each document has its own registry: a field in a frame is painted with the frame's window.

export const SEVERITIES = ['stop', 'caution', 'coach'];
const name = (severity) => `chaperone-${severity}`;

/** Paints `{stop: [Range], caution: [...], coach: [...]}` in `view`'s document (the ranges
 * must be in it); returns false where unsupported. */
export function paintHighlights(rangesBySeverity, view = globalThis) {
  if (!view.CSS?.highlights || typeof view.Highlight === 'undefined') return false;
  for (const severity of SEVERITIES) {
    const ranges = rangesBySeverity[severity] ?? [];
    if (ranges.length) view.CSS.highlights.set(name(severity), new view.Highlight(...ranges));
    else view.CSS.highlights.delete(name(severity));
  }
  return true;
}

/** Removes our highlights from `view`'s document. */
export function clearHighlights(view = globalThis) {
  if (!view.CSS?.highlights) return;
  for (const severity of SEVERITIES) view.CSS.highlights.delete(name(severity));
}
