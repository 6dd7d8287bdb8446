/**
 * The government accounts (statsregnskapet) export as CSV: semicolon separated, usually Windows-1252,
 * amounts in kroner written the Norwegian way ("1 234 567", "-1234567,00", "1.234.567"). The columns
 * are found by their header names, not their order; a row that cannot be read is left out with a
 * warning that names its line. Rows are summed per chapter and post.
 */
import type { AccountsRow } from '../../core/reports/facts.js';
import { decodeTextWithNotes } from './text.js';

export interface AccountsWarning {
  line: number | null;
  message: string;
}

export interface AccountsFile {
  rows: AccountsRow[];
  warnings: AccountsWarning[];
  /** Data rows read (before summing). */
  read: number;
}

/** One CSV line into fields: `;` separated, `"…"` quoted with `""` for a quote. */
export function splitCsvLine(line: string, sep = ';'): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      field = '';
      quoted = true;
    } else if (ch === sep) {
      out.push(field.trim());
      field = '';
    } else field += ch;
  }
  out.push(field.trim());
  return out;
}

/** "1 234 567", "-1234567,00", "1.234.567,50", "(1 234)", "1 234-" → whole kroner; null when it is no amount. */
export function parseKroner(raw: string): number | null {
  let s = raw.replace(/[\s\u00a0\u202f]/g, '').replace(/kr\.?$/i, '');
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (/^[-\u2212]/.test(s)) {
    negative = !negative;
    s = s.slice(1);
  } else if (/-$/.test(s)) {
    negative = !negative;
    s = s.slice(0, -1);
  }
  let n: number;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) n = Number(s.replace(/\./g, '').replace(',', '.'));
  else if (/^\d+(,\d+)?$/.test(s)) n = Number(s.replace(',', '.'));
  else if (/^\d+\.\d{1,2}$/.test(s)) n = Number(s);
  else return null;
  if (!Number.isFinite(n)) return null;
  const kroner = Math.round(n);
  return negative ? -kroner : kroner;
}

const normalise = (h: string) => h.toLocaleLowerCase('nb').replace(/[^a-zæøå]/g, '');

function findColumn(header: string[], test: (h: string) => boolean): number {
  return header.findIndex((h) => test(normalise(h)));
}

/** "0740" → "740", "1" → "01": the register writes chapters without and posts with a leading zero. */
function chapterOf(s: string): string | null {
  const m = /^0*(\d{1,4})$/.exec(s.trim());
  return m?.[1] ?? null;
}
function postOf(s: string): string | null {
  const m = /^0*(\d{1,2})$/.exec(s.trim());
  return m?.[1]?.padStart(2, '0') ?? null;
}

export function parseAccountsCsv(text: string): AccountsFile {
  const lines = text.split(/\r\n|\r|\n/);
  const warnings: AccountsWarning[] = [];
  const headerAt = lines.findIndex((l) => l.includes(';'));
  if (headerAt < 0)
    return {
      rows: [],
      read: 0,
      warnings: [
        { line: null, message: 'Fant ingen semikolonseparert overskriftslinje (Kapittel;Post;…;Beløp).' },
      ],
    };
  const header = splitCsvLine(lines[headerAt] ?? '');
  // Exact names only: "Kapittelnavn" and "Posttekst" sit beside the numbers in the same export.
  const chapterCol = findColumn(header, (h) => /^(kap|kapnr|kapittel|kapittelnr|kapittelnummer)$/.test(h));
  const postCol = findColumn(header, (h) => /^(post|postnr|postnummer)$/.test(h));
  let amountCol = findColumn(header, (h) => h.startsWith('beløp') || h.startsWith('belop'));
  if (amountCol < 0) amountCol = findColumn(header, (h) => h.startsWith('regnskap') || h === 'sum');
  const missing = [
    chapterCol < 0 ? 'Kapittel' : null,
    postCol < 0 ? 'Post' : null,
    amountCol < 0 ? 'Beløp' : null,
  ].filter((x): x is string => x !== null);
  if (missing.length > 0)
    return {
      rows: [],
      read: 0,
      warnings: [
        {
          line: headerAt + 1,
          message: `Overskriftslinjen mangler kolonnen ${missing.join(', ')} (fant: ${header.join(', ')}).`,
        },
      ],
    };
  const sums = new Map<string, AccountsRow>();
  let read = 0;
  for (let i = headerAt + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '' || /^[;\s]*$/.test(line)) continue;
    const fields = splitCsvLine(line);
    const chapter = chapterOf(fields[chapterCol] ?? '');
    const post = postOf(fields[postCol] ?? '');
    const kroner = parseKroner(fields[amountCol] ?? '');
    if (chapter === null || post === null || kroner === null) {
      // A sum line ("Sum kapittel 0740;;…") is no error worth a warning: it has no post.
      if (chapter === null && post === null && /sum/i.test(line)) continue;
      const what = [
        chapter === null ? `kapittel «${fields[chapterCol] ?? ''}»` : null,
        post === null ? `post «${fields[postCol] ?? ''}»` : null,
        kroner === null ? `beløp «${fields[amountCol] ?? ''}»` : null,
      ].filter((x): x is string => x !== null);
      warnings.push({ line: i + 1, message: `Linje ${i + 1} er hoppet over: ugyldig ${what.join(', ')}.` });
      continue;
    }
    read++;
    const key = `${chapter}.${post}`;
    const row = sums.get(key) ?? { chapter, post, kroner: 0 };
    row.kroner += kroner;
    sums.set(key, row);
  }
  return { rows: [...sums.values()], warnings, read };
}

/** The export's bytes (Windows-1252, UTF-8 or UTF-16: the text reader tells them apart). */
export function readAccountsCsv(bytes: Uint8Array, name: string): AccountsFile {
  const decoded = decodeTextWithNotes(bytes, name);
  const parsed = parseAccountsCsv(decoded.text);
  return {
    ...parsed,
    warnings: [...decoded.warnings.map((w) => ({ line: w.line, message: w.message })), ...parsed.warnings],
  };
}
