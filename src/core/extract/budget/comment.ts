/**
 * A row's comment as plain text. Tab tables (HTML export) put each paragraph in its own piece, and a
 * piece that starts in lower case continues the sentence before it ("… til ferdigstilling" / "av
 * utprøvingen i Bergen …"). PDF text wraps lines anywhere, so there a new paragraph starts only with an
 * amount, a bullet, or a capital after a full stop.
 */
/** Join comment pieces: a piece that continues a sentence joins with a space, a new one starts a paragraph. */
export function joinComment(parts: readonly string[], layout: 'tab' | 'text'): string | null {
  let out = '';
  for (const raw of parts) {
    const p = raw.trim();
    if (p === '') continue;
    if (out === '') {
      out = p;
      continue;
    }
    const newParagraph =
      layout === 'tab'
        ? !/^\p{Ll}/u.test(p)
        : /^(?:[-–•✓]\s|\d)/u.test(p) || (/[.:!?]$/.test(out) && /^\p{Lu}/u.test(p));
    out += (newParagraph ? '\n' : ' ') + p;
  }
  return out === '' ? null : out;
}
