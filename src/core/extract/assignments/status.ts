/**
 * The status a letter gives a carried-over assignment ("Videreføres med ny frist: 31. mars 2022.",
 * "Videreføres uten endringer.", "Ny frist 31.12.2024.", "Avsluttes", "Utgår", "Ferdigstilt",
 * "… trekkes uten at det gis nytt oppdrag", "Oppdraget erstattes av TTB2026-4"). Whether a record is exempt
 * from public access is read by confidential.ts.
 */

// "Videreføres …" opens its sentence; "… trekkes", "… erstattes av/med", "… bortfaller", "ny frist" may
// stand anywhere in it ("Oppdraget utgår dermed", "Delrapporten bortfaller").
const STATUS_RE =
  /(?:^|[.!?:]\s+)(?:Videreføres|Avsluttes|Utgår|Ferdigstilt|Ferdigstilles|Bortfaller|Oppdraget (?:avsluttes|utgår|trekkes|videreføres|er ferdigstilt))(?!\p{L})|(?<!\p{L})(?:[Nn]y frist|[Ff]risten? (?:utsettes|forlenges)|trekkes|erstattes (?:med|av)|avsluttes|utgår|bortfaller)(?!\p{L})/u;

/** The sentence holding the first status phrase of a carried-over record, or null. */
export function statusText(paragraphs: readonly string[]): string | null {
  for (const p of paragraphs) {
    const m = STATUS_RE.exec(p);
    if (!m) continue;
    // The match may open with the end of the sentence before it (". Oppdraget utgår"): skip that.
    const at = m.index + (/^[.!?:]\s+/u.exec(m[0])?.[0].length ?? 0);
    const start = Math.max(p.slice(0, at + 1).search(/[.!?]\s+(?=\p{Lu}[^.]*$)/u) + 1, 0);
    const endDot = p.slice(at).search(/\.(?=\s+\p{Lu}|\s*$)/u);
    let s = p.slice(start, endDot < 0 ? p.length : at + endDot + 1).trim();
    // "Videreføres med følgende endringer:" introduces the changes; keep the phrase itself.
    if (s.length > 200) s = `${s.slice(0, 197)}…`;
    return s;
  }
  return null;
}
