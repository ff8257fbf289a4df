// The explanation card for one finding: message, why it matters, the guidance, and the
// fixes as buttons. Built with DOM APIs and textContent only: finding text comes from the
// page and is never parsed as HTML.

const SEVERITY_LABEL = { stop: 'Stop', caution: 'Caution', coach: 'Coach' };

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function label(suggestion) {
  return suggestion === '' ? 'Remove' : `Replace with “${suggestion}”`;
}

/**
 * Renders a card. `onFix(text)`, `onIgnore()` and `onAllow()` are called from its buttons;
 * `trainee` opens the "why this matters" section by default. With `onCopy()`, the editor
 * cannot take a fix: the card says so and offers "Copy fixed text" instead of its fixes. A
 * card that pops up over the page is a non-modal dialog; an `inline` one, in a list of
 * cards (the playground), is an article.
 */
export function renderCard(
  finding,
  { trainee = false, flagged = '', inline = false, onFix, onIgnore, onAllow, onCopy } = {},
) {
  const card = el(inline ? 'article' : 'div', `chaperone-card severity-${finding.severity}`);
  if (!inline) card.setAttribute('role', 'dialog');
  card.setAttribute('aria-label', finding.message);
  card.dataset.rule = finding.rule;

  const head = el('div', 'chaperone-card-head');
  head.append(el('span', 'chaperone-severity', SEVERITY_LABEL[finding.severity] ?? finding.severity));
  head.append(el('span', 'chaperone-kind', finding.kind.replace('_', ' ')));
  card.append(head);
  card.append(el('p', 'chaperone-message', finding.message));
  if (flagged) card.append(el('p', 'chaperone-flagged', `“${flagged}”`));

  const why = el('details', 'chaperone-why');
  why.open = trainee;
  why.append(el('summary', null, 'Why this matters'));
  why.append(el('p', null, finding.explanation));
  if (finding.guidance?.length) {
    const list = el('ul', 'chaperone-guidance');
    for (const g of finding.guidance) list.append(el('li', null, `${g.source}: ${g.section}`));
    why.append(list);
  }
  card.append(why);

  const actions = el('div', 'chaperone-actions');
  if (onCopy) {
    card.append(
      el(
        'p',
        'chaperone-cannot',
        'This editor cannot take the fix from Chaperone, so nothing in it was changed. Copy the fixed text and paste it in yourself.',
      ),
    );
    const copy = el('button', 'chaperone-copy', 'Copy fixed text');
    copy.type = 'button';
    copy.addEventListener('click', async () => {
      copy.textContent = (await onCopy()) ? 'Copied' : 'Copy failed: select the text and copy it';
    });
    actions.append(copy);
  }
  for (const s of onCopy ? [] : (finding.suggestions ?? [])) {
    const button = el('button', 'chaperone-fix', label(s));
    button.type = 'button';
    button.dataset.suggestion = s;
    button.addEventListener('click', () => onFix?.(s));
    actions.append(button);
  }
  if (onIgnore) {
    const ignore = el('button', 'chaperone-ignore', 'Ignore here');
    ignore.type = 'button';
    ignore.addEventListener('click', () => onIgnore());
    actions.append(ignore);
  }
  if (onAllow && finding.category === 'phi') {
    const allow = el('button', 'chaperone-allow', 'Always allow this term');
    allow.type = 'button';
    allow.addEventListener('click', () => onAllow());
    actions.append(allow);
  }
  card.append(actions);
  card.append(el('p', 'chaperone-rule', finding.rule));
  return card;
}
