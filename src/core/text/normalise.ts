/**
 * Character-level clean-up of one line of text as ministries' PDF/DOCX/HTML exports leave it.
 * Pure string functions; the line model (lines.ts) decides where lines start and end.
 */

// Cyrillic letters that render identically to Latin ones. They turn up inside Norwegian words
// ("Hеlsedirektoratet" with a Cyrillic е) when text was pasted from other sources.
const CYRILLIC_LOOKALIKES: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  І: 'I',
};
const CYRILLIC_IN_LATIN_WORD =
  /[\p{Script=Latin}\p{Script=Cyrillic}]*[\p{Script=Cyrillic}][\p{Script=Latin}\p{Script=Cyrillic}]*/gu;

/** Replace Cyrillic look-alikes only in words that also contain Latin letters (real Russian text stays). */
export function fixLookalikes(text: string): string {
  if (!/\p{Script=Cyrillic}/u.test(text)) return text;
  return text.replace(CYRILLIC_IN_LATIN_WORD, (word) => {
    if (!/\p{Script=Latin}/u.test(word)) return word;
    return [...word].map((ch) => CYRILLIC_LOOKALIKES[ch] ?? ch).join('');
  });
}

// Word-processor bullets exported from Symbol/Wingdings fonts land in the Unicode private-use area:
// U+F0B7 is the Symbol bullet, U+F0FC the Wingdings check mark, U+F02D a Symbol dash.
const GLYPHS: Record<string, string> = {
  '\uF0B7': '•',
  '\uF0A7': '•',
  '\uF06C': '•',
  '\uF0D8': '•',
  '\uF0FC': '✓',
  '\uF02D': '-',
  '\u2212': '-',
  '\u2010': '-',
  '\u2011': '-',
  '\u00AD': '',
  '\u200B': '',
  '\uFEFF': '',
  '\u25CF': '•',
  '\u25AA': '•',
  '\u25E6': '•',
  '\u2023': '•',
  '\u2043': '•',
  '\u00B7': '•',
};
const GLYPH_RE = /[\uF000-\uF8FF\u2212\u2010\u2011\u00AD\u200B\uFEFF\u25CF\u25AA\u25E6\u2023\u2043\u00B7]/g;
const SPACES_RE = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;

// Control characters other than tab carry no text; PDF and DOCX text layers can hold them, and a NUL
// would make PostgreSQL refuse the whole import.
const CONTROL_RE = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

export function normaliseChars(text: string): string {
  let out = text.normalize('NFC').replace(CONTROL_RE, '');
  out = out.replace(SPACES_RE, ' ');
  // Unknown private-use glyphs are almost always decorative bullets.
  out = out.replace(GLYPH_RE, (ch) => GLYPHS[ch] ?? '•');
  return fixLookalikes(out);
}

/** Strip inline markup that survives HTML/markdown exports: `<i>`, `<b>`, `**bold**`, `*em*`, link remnants. */
function stripInlineMarkup(text: string): string {
  return text
    .replace(/<\/?(?:i|b|em|strong|u|span|sup|sub|a|br)\b[^>]*>/gi, '')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[\s(])\*([^*\s][^*]*?)\*(?=[\s).,;:]|$)/g, '$1$2')
    .replace(/\*\*/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
}

/**
 * Collapse runs of spaces and trim spaces. Tabs are kept, leading and trailing ones too: they separate
 * cells, and an empty first cell means "same chapter as the row above".
 */
function collapseSpaces(text: string): string {
  return text
    .replace(/ {2,}/g, ' ')
    .replace(/ *\t */g, '\t')
    .replace(/^ +| +$/g, '');
}

// Lines made only of these characters need no character-level work (most lines of a letter).
const PLAIN_RE =
  /^[\t\x20-\x25\x27-\x29\x2b-\x3b\x3d\x3f-\x7e\u00c0-\u00ff\u2013\u2019\u201c\u201d\u2022\u00ab\u00bb\u00a7]*$/;

export function normaliseText(text: string): string {
  if (PLAIN_RE.test(text))
    return text.includes('  ') ||
      text.includes(' \t') ||
      text.includes('\t ') ||
      text.startsWith(' ') ||
      text.endsWith(' ')
      ? collapseSpaces(text)
      : text;
  return collapseSpaces(stripInlineMarkup(normaliseChars(text)));
}
