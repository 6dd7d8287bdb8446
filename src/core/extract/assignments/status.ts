/**
 * The status a letter gives a carried-over assignment ("Videreføres med ny frist: 31. mars 2022.",
 * "Videreføres uten endringer.", "Ny frist 31.12.2024.", "Avsluttes", "Utgår", "Ferdigstilt",
 * "… trekkes uten at det gis nytt oppdrag") and whether the record is exempt from public access.
 */

// "Videreføres …" opens its sentence; "… trekkes", "… erstattes med", "ny frist" may stand anywhere in it.
const STATUS_RE =
  /(?:^|[.!?:]\s+)(?:Videreføres|Avsluttes|Utgår|Ferdigstilt|Ferdigstilles|Bortfaller|Oppdraget (?:avsluttes|utgår|trekkes|videreføres|er ferdigstilt))(?!\p{L})|(?<!\p{L})(?:[Nn]y frist|[Ff]risten? (?:utsettes|forlenges)|trekkes|erstattes med|avsluttes|utgår)(?!\p{L})/u;

/** The sentence holding the first status phrase of a carried-over record, or null. */
export function statusText(paragraphs: readonly string[]): string | null {
  for (const p of paragraphs) {
    const m = STATUS_RE.exec(p);
    if (!m) continue;
    const start = Math.max(p.slice(0, m.index).search(/[.!?]\s+(?=\p{Lu}[^.]*$)/u) + 1, 0);
    const endDot = p.slice(m.index).search(/\.(?=\s+\p{Lu}|\s*$)/u);
    let s = p.slice(start, endDot < 0 ? p.length : m.index + endDot + 1).trim();
    // "Videreføres med følgende endringer:" introduces the changes; keep the phrase itself.
    if (s.length > 200) s = `${s.slice(0, 197)}…`;
    return s;
  }
  return null;
}

const CONFIDENTIAL_RE = /Unntatt\s+offentlighet|\bOffl\.?\s*§|offentleglova\s*§\s*\d/i;

export function isConfidential(texts: readonly string[]): boolean {
  return texts.some((t) => CONFIDENTIAL_RE.test(t));
}
