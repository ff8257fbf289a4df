// The benchmark posts: clinician-style sentences with identifiers, slang and emoji, cycled
// to an exact length in Unicode scalars (the same sentences as benches/check.rs).

export const SENTENCES = [
  'Saw Mrs Okafor (94) in bed 12 on Ward 7 this morning, NHS no 943 476 5919. ',
  'Her daughter Priya called from 07700 900123 😀 ',
  'Flu clinic Sat 12 Oct 9am-1pm at the practice, BP 120/80 checks, see doi:10.1056/NEJMoa2034577. ',
  '3rd visit this week from our favourite frequent flyer, classic drug-seeking 🙄 ',
  'Thanks @NHSEngland and Dr Patel for a great session on deprescribing. ',
  'Lives at 14 Brudenell Grove, LS6 1HR; MRN 00482913, DOB 03/04/1951. ',
  'Vaccines are safe and effective; Shingrix is about 90% effective in adults over 50. ',
];

/** A post of exactly `n` Unicode scalars. */
export function post(n) {
  const chars = [...SENTENCES.join('')];
  return Array.from({ length: n }, (_, i) => chars[i % chars.length]).join('');
}
