// What the popup and options page say about settings that were left out: the background's
// list (it judges every source with the engine, so it knows unknown rule ids too), or this
// page's own when the background does not answer.
import { MESSAGES, send } from '../src/protocol.js';

/** The settings problems in force, in words, as the background last applied them. */
export async function settingsProblems(local) {
  try {
    const reply = await send(MESSAGES.settings);
    if (Array.isArray(reply?.settings?.errors)) return reply.settings.errors;
  } catch {
    // No background to ask (it is starting, or this is a test page): say what this page saw.
  }
  return local.errors;
}

/** Fills `el` with a short lead and one item per dropped entry, or hides it. */
export function showProblems(el, problems) {
  el.replaceChildren();
  el.hidden = !problems.length;
  if (!problems.length) return;
  const lead = document.createElement('p');
  lead.textContent =
    problems.length === 1
      ? 'One setting was ignored; the rest apply:'
      : `${problems.length} settings were ignored; the rest apply:`;
  const list = document.createElement('ul');
  for (const problem of problems) {
    const item = document.createElement('li');
    item.textContent = problem;
    list.append(item);
  }
  el.append(lead, list);
}
