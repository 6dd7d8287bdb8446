/**
 * Sentences of one paragraph line. A full stop, "!" or "?" ends a sentence when a capital letter, digit
 * or opening quote follows after a space; common abbreviations ("bl.a.", "mv.", "jf.", "kap.", "nr.",
 * "ca.") and ordinal dates ("1. januar") do not end one.
 */

const ABBREVIATION_RE =
  /(?:^|[\s(])(?:bl\.a|m\.?v|jf|kap|nr|ca|pkt|mill|mrd|dvs|f\.eks|o\.l|inkl|ekskl|evt|ref|kl|St|Prop|Meld|Innst|pr)\.$/u;

export function sentencesOf(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '.' && c !== '!' && c !== '?') continue;
    if (text[i + 1] !== ' ') continue;
    const next = text[i + 2] ?? '';
    if (!/[\p{Lu}\d«"(]/u.test(next)) continue;
    const head = text.slice(Math.max(start, i - 12), i + 1);
    if (c === '.' && (ABBREVIATION_RE.test(head) || /(?:^|\s)\d{1,2}\.$/.test(head))) continue;
    const s = text.slice(start, i + 1).trim();
    if (s !== '') out.push(s);
    start = i + 2;
  }
  const rest = text.slice(start).trim();
  if (rest !== '') out.push(rest);
  return out;
}
