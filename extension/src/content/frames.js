// Composers in iframes without a URL (srcdoc, about:blank, about:blank written by script, as
// TinyMCE makes in Chromium and Firefox) are the document's own: their text is read, their
// events heard and their underlines registered in their documents by this content script,
// while badges and cards are drawn in our layer, so a small frame never clips them. The
// content script the manifest also runs in such a frame (match_about_blank, for the
// highlight styles) stays quiet there. A frame with a URL runs a content script of its own.

/** Whether `doc`, shown in `iframe`, is a frame's without a URL: about:blank or about:srcdoc,
 * or rewritten by document.open, which gives it the URL of the document that called it. */
const withoutUrl = (iframe, doc) => /^about:/.test(doc.URL) || (!iframe.src && doc.URL === iframe.ownerDocument.URL);

/** Whether this document is a frame without a URL whose parent's content script owns it. */
export function ownedByParent() {
  try {
    return window !== parent && !!frameElement && withoutUrl(frameElement, document);
  } catch {
    return false;
  }
}

/** The document of an iframe without a URL that we may read, or null. */
function urlLessDocument(iframe) {
  try {
    const doc = iframe.contentDocument;
    return doc && withoutUrl(iframe, doc) ? doc : null;
  } catch {
    return null;
  }
}

/** Calls `listen(doc)` for every such frame's document, now, when frames are added (in our
 * document or inside such frames), and when a frame loads a new document or is rewritten by
 * document.open, which drops the listeners of the document it reuses. `listen` must add the
 * same listener functions each time, so that adding them again changes nothing. */
export function watchFrames(listen) {
  const loading = new WeakSet();
  const watch = (doc) => {
    const iframes = doc.getElementsByTagName('iframe');
    const attach = () => {
      for (const iframe of iframes) {
        if (!loading.has(iframe)) {
          loading.add(iframe);
          iframe.addEventListener('load', attach);
        }
        const inner = urlLessDocument(iframe);
        if (inner && !watched.has(inner)) {
          watched.add(inner);
          watch(inner);
        }
        if (inner) listen(inner);
      }
    };
    attach();
    new MutationObserver((records) => {
      if (iframes.length && records.some((r) => r.addedNodes.length)) attach();
    }).observe(doc, { childList: true, subtree: true });
  };
  const watched = new WeakSet([document]);
  watch(document);
}

/** Where `node`'s document's viewport starts in ours: the sum of the content-box corners of
 * the frames it is in (0, 0 in our own document). */
export function frameOffset(node) {
  let x = 0;
  let y = 0;
  for (let doc = node.ownerDocument; doc && doc !== document;) {
    const frame = doc.defaultView?.frameElement;
    if (!frame) break;
    const r = frame.getBoundingClientRect();
    const style = frame.ownerDocument.defaultView.getComputedStyle(frame);
    x += r.left + frame.clientLeft + parseFloat(style.paddingLeft);
    y += r.top + frame.clientTop + parseFloat(style.paddingTop);
    doc = frame.ownerDocument;
  }
  return { x, y };
}

/** `rect` (in `node`'s document) moved into our viewport, as a plain box. */
export function shifted(rect, { x, y }) {
  return {
    left: rect.left + x,
    top: rect.top + y,
    right: rect.right + x,
    bottom: rect.bottom + y,
    width: rect.right - rect.left,
    height: rect.bottom - rect.top,
  };
}

/** A field's box in our viewport. A frame's editable body (TinyMCE's) is only as tall as its
 * text: its box is the frame's. */
export function boxOf(field) {
  const doc = field.ownerDocument;
  const rect =
    field === doc.body && doc !== document
      ? { left: 0, top: 0, right: doc.documentElement.clientWidth, bottom: doc.documentElement.clientHeight }
      : field.getBoundingClientRect();
  return shifted(rect, frameOffset(field));
}

/** The focused element, looking into frames without a URL. */
export function activeElement() {
  let active = document.activeElement;
  while (active?.tagName === 'IFRAME' && urlLessDocument(active)) active = urlLessDocument(active).activeElement;
  return active;
}

/** Whether a field is still on the page: in its document, and its frame still there. */
export const present = (field) => field.isConnected && !!field.ownerDocument.defaultView;
