/**
 * Column gaps as the PDF text export prints them. Normalisation collapses runs of spaces, but the source
 * line keeps them, and a run of two or more spaces between digit groups is where one amount column ends
 * and the next begins: `driftsutgifter  165 147  182 294` is 165 147 and 182 294, never 165 and
 * 147 182 294. The gaps are a hint for splitting a row's run of digit groups into amounts.
 */

const TOKEN_RE = /\S+/g;

/**
 * Indices into `run` (the row's amount tokens, as read from the normalised line) of the tokens that the
 * raw source line prints after a wide gap. The run is located as the last sequence of equal tokens in
 * the raw line; when it cannot be found (the line was re-joined or re-wrapped), there are no hints.
 */
export function columnBreaks(raw: string, run: readonly string[]): number[] {
  if (run.length < 2 || raw.length > 1000 || !/\d\s{2}/.test(raw)) return [];
  const tokens: string[] = [];
  const wide: boolean[] = [];
  let prevEnd = -1;
  for (const m of raw.matchAll(TOKEN_RE)) {
    tokens.push(m[0].replace(/\u2212/g, '-'));
    // A tab counts as a wide gap; the line's leading indentation does not.
    const gap = prevEnd < 0 ? '' : raw.slice(prevEnd, m.index);
    wide.push(gap.length >= 2 || gap.includes('\t'));
    prevEnd = m.index + m[0].length;
  }
  for (let start = tokens.length - run.length; start >= 0; start--) {
    let k = 0;
    while (k < run.length && tokens[start + k] === run[k]) k++;
    if (k < run.length) continue;
    const breaks: number[] = [];
    for (let j = 1; j < run.length; j++) if (wide[start + j]) breaks.push(j);
    return breaks;
  }
  return [];
}
