// The one-line summary shown in the badge's live region and the playground's panel.

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/** "2 possible patient identifiers, 1 professionalism concern", or "No concerns found". */
export function summarize(findings) {
  const phi = findings.filter((f) => f.category === 'phi').length;
  const conduct = findings.length - phi;
  if (findings.length === 0) return 'No concerns found';
  const parts = [];
  if (phi) parts.push(plural(phi, 'possible patient identifier', 'possible patient identifiers'));
  if (conduct) parts.push(plural(conduct, 'professionalism concern', 'professionalism concerns'));
  return parts.join(', ');
}
