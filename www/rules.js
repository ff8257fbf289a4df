// The rule catalogue page: renders rules.json (written at build time by
// `chaperone rules --format json`) with search and filters. No hand-kept copy.

const $ = (id) => document.getElementById(id);
let rules = [];

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function exampleList(title, examples) {
  const box = el('div');
  box.append(el('strong', title));
  const ul = el('ul');
  for (const e of examples) ul.append(el('li', `(${e.region}) ${e.text}`));
  box.append(ul);
  return box;
}

function render() {
  const query = $('search').value.trim().toLowerCase();
  const category = $('category').value;
  const region = $('region').value;
  const shown = rules.filter(
    (r) => (!category || r.category === category) && (!query || JSON.stringify(r).toLowerCase().includes(query)),
  );
  $('count').textContent = `${shown.length} of ${rules.length} rules`;
  $('rules').replaceChildren(
    ...shown.map((r) => {
      const article = el('article', undefined, 'rule');
      article.id = r.id;
      const h = el('h2');
      h.append(el('span', r.name), ' ');
      article.append(h);
      const meta = el('p');
      meta.append(
        el('code', r.id),
        ' ',
        el('span', r.severity, `tag ${r.severity}`),
        el('span', r.kind.replace('_', ' '), 'tag'),
      );
      if (r.stop_in.length) meta.append(el('span', `stop in ${r.stop_in.join(', ')}`, 'tag stop'));
      article.append(meta);
      article.append(el('p', r.what));
      const why = el('p');
      why.append(el('strong', 'Why it matters. '), r.why);
      article.append(why);
      const fix = el('p');
      fix.append(el('strong', 'Better. '), r.fix);
      article.append(fix);
      const guidance = el('ul');
      for (const g of r.guidance[region]) guidance.append(el('li', `${g.source}: ${g.section}`));
      article.append(el('strong', `Guidance (${region})`), guidance);
      const examples = el('div', undefined, 'examples');
      examples.append(exampleList('Flagged', r.examples.fire), exampleList('Not flagged', r.examples.pass));
      article.append(examples);
      return article;
    }),
  );
  if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
}

for (const id of ['search', 'category', 'region']) $(id).addEventListener('input', render);
fetch('rules.json')
  .then((r) => r.json())
  .then((data) => {
    rules = data.rules;
    render();
  });
