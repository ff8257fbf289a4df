// The extension's own UI on the page: one host element with an open shadow root, holding a
// layer for badges, mirrors, notes and cards, and a live region. Nothing of ours is drawn in
// the page's own DOM; the host is added on first use, as the document's last element.

import highlightCss from '../ui/highlight.css';
import uiCss from '../ui/ui.css';

export const host = document.createElement('div');
host.id = 'chaperone-host';
host.setAttribute('data-chaperone', '');
export const shadow = host.attachShadow({ mode: 'open' });
export const layer = document.createElement('div');
layer.className = 'chaperone-layer chaperone-ui';
/** Announces the summary of all flags on the page. */
export const live = document.createElement('div');
live.className = 'chaperone-live';
live.setAttribute('role', 'status');
live.setAttribute('aria-live', 'polite');
layer.append(live);
shadow.append(layer);
adoptStyles(shadow, uiCss);

/** Styles the shadow root with a constructed sheet, or a <style> where that is refused. */
function adoptStyles(root, css) {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
}

/** Puts the host in the page (again, if the page replaced its document element's children). */
export function mountHost() {
  if (!host.isConnected) document.documentElement.append(host);
}

/** Our highlight sheets in the page's shadow roots, by root. */
const highlightSheets = new WeakMap();

/** Puts the underline styles in the shadow root that holds a field: the ::highlight() rules
 * of the document's stylesheet do not reach into shadow trees (Firefox paints nothing there
 * without them). A constructed sheet, so the root's DOM is untouched; added again if the page
 * replaced its sheets. */
export function styleHighlightsIn(root) {
  if (!(root instanceof ShadowRoot)) return;
  let sheet = highlightSheets.get(root);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(highlightCss);
    highlightSheets.set(root, sheet);
  }
  if (![...root.adoptedStyleSheets].includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
