// Every message between the extension's parts, in one place. Content scripts and the popup
// and options pages ask; the background, which runs the engine and owns the settings,
// answers. The playground (www/) runs the engine in its own page and sends no messages.
// Each message is `{ type, ...payload }`, with `type` one of `MESSAGES`; every reply is
// either its kind's answer or `{ error }`.

import { api } from './ext.js';

/**
 * A finding, as the engine reports it; `start` and `end` are UTF-16 offsets into the text
 * that was checked, end-exclusive.
 * @typedef {{ rule: string, category: 'phi' | 'conduct', kind: string, severity: 'stop' | 'caution' | 'coach',
 *   start: number, end: number, message: string, explanation: string,
 *   guidance?: { source: string, section: string }[], suggestions?: string[] }} Finding
 */

/**
 * The settings a content script or page may see (never the allow list or watch terms).
 * `errors` names each dropped entry in words; `managed` lists the keys an organisation sets.
 * @typedef {{ trainee: boolean, disabled_sites: string[], errors: string[], managed: string[], region: string }} PublicSettings
 */

/** Every message kind. */
export const MESSAGES = Object.freeze({
  /** Content script → background: `{ text }` (at most `MAX_TEXT` UTF-16 units) →
   * `{ findings: Finding[], total, settings: PublicSettings }`; `findings` is capped, `total`
   * counts them all. */
  check: 'check',
  /** Content script → background, when a field gets focus or while its author composes:
   * `{}` → `{ warm: true }` once the engine has built what checks need. Also keeps a
   * stopped service worker from staying stopped. */
  warm: 'warm',
  /** Popup and options page → background: `{}` → `{ settings: PublicSettings }`, as in force. */
  settings: 'settings',
});

/** The longest text a `check` may carry. */
export const MAX_TEXT = 2_000_000;

/** Sends one message and returns the reply (a promise that rejects when no one answers). */
export function send(type, payload = {}) {
  return api.runtime.sendMessage({ ...payload, type });
}

/** Sends a message to the engine. A stopped service worker is restarted by the browser on
 * the first message, which can fail, hang or go unanswered while it starts: retry with a
 * timeout and backoff. Resolves to undefined when four tries go unanswered. */
export async function ask(type, payload = {}) {
  for (let attempt = 0; ; attempt++) {
    try {
      const timeout = new Promise((r) => setTimeout(r, 3000, undefined));
      const reply = await Promise.race([send(type, payload), timeout]);
      if (reply) return reply;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
    if (attempt >= 3) return undefined;
    await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
  }
}

/** The background's side: answers each message from this extension's own contexts with
 * `handlers[type](message)` (sync or async); a handler's error is answered as `{ error }`.
 * Messages of no known kind, or from elsewhere, are left unanswered. */
export function answer(handlers) {
  const missing = Object.values(MESSAGES).filter((type) => typeof handlers[type] !== 'function');
  if (missing.length) throw new Error(`no handler for ${missing.join(', ')}`);
  api.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id !== api.runtime.id || !message || typeof message !== 'object') return false;
    if (!Object.values(MESSAGES).includes(message.type)) return false;
    const handler = handlers[message.type];
    Promise.resolve()
      .then(() => handler(message))
      .then(sendResponse, (error) => sendResponse({ error: String(error?.message ?? error) }));
    return true;
  });
}
