/** Document metadata: type, year, date, issuer, recipient, reference, title, appended supplements. */
import type { DocumentInfo, DocumentType } from '../model/extraction.js';
import type { Line } from '../text/lines.js';
import {
  addressRecipient,
  letterheadMinistry,
  mostNamedAgency,
  mostNamedMinistry,
} from './document/names.js';
import { isoDate, readDayMonth } from './document/printed-date.js';
import { letterheadEnd, letterheadPlaceDate } from './document/letterhead.js';
import { signatureDate } from './document/signature-date.js';
import { findIds, learnIdScheme } from './assignments/ids.js';
import { findSupplements, SUPPLEMENT_TITLE_RE } from './document/supplements.js';

/** Letterhead, title, reference and date sit on the first pages. */
const HEAD_LINES = 150;
/** Without a title, the address block is looked for on the first lines only. */
const ADDRESS_LINES = 40;

// "Tildelingsbrev til Helsedirektoratet for 2024", "Tildelingsbrevet til Helsedirektoratet for 2014"
const ALLOCATION_TITLE_RE =
  /^Tildelingsbrev(?:et)?(?: (\d{4}))?(?: til (.{2,80}?))?(?: for (?:år )?(\d{4}))?\s*$/;
// "Tildelingsbrev 2024 – Statens vegvesen", "Tildelingsbrev for 2024 til Norges forskningsråd"
const ALLOCATION_TITLE_AFTER_YEAR_RE =
  /^Tildelingsbrev(?:et)?(?: for)?(?: år)? ((?:19|20)\d{2})(?:\s*[–-]\s*| til )(\p{Lu}.{1,79}?)\s*$/u;
// "Årsrapport 2023", "Årsrapport for 2023", "Helsedirektoratets årsrapport 2023"
const ANNUAL_TITLE_RE = /^(?:(\p{Lu}\p{L}+?)s )?[ÅåAa]rsrapport(?: for)?(?: (\d{4}))?\s*$/u;
// "Årsrapport for Kystverket 2025", "Årsrapport 2025 – Statens havneråd", "Årsrapport for Statens havneråd for 2025"
const ANNUAL_NAMED_TITLE_RE =
  /^[ÅåAa]rsrapport\s+(?:for\s+(\p{Lu}[\p{L} .,-]{1,78}?)\s+(?:for\s+)?((?:19|20)\d{2})|((?:19|20)\d{2})\s*[–-]\s*(\p{Lu}[\p{L} .,-]{1,78}?))\s*$/u;
// The steering documents of state enterprises, health trusts and others: "Oppdragsdokument 2026",
// "Oppdragsdokument 2026 – Nordlys helseforetak RHF", "Oppdragsbrev for 2025 til Statens kartverk".
const MISSION_TITLE_RE =
  /^(?:Oppdragsdokument(?:et)?|Oppdragsbrev(?:et)?)(?:\s+(?:for\s+)?((?:19|20)\d{2}))?(?:\s*(?:[–-]|til)\s*(\p{Lu}.{1,79}?))?(?:\s+for\s+((?:19|20)\d{2}))?\s*$/u;
// What may stand before an allocation letter's title: "Statsbudsjettet 2026 – tildelingsbrev til …",
// "Endelig tildelingsbrev for 2025". The year in the prefix is the letter's.
const TITLE_PREFIX_RE = /^(?:Statsbudsjettet\s+((?:19|20)\d{2})\s*[–-]\s*|Endelig\s+)(?=[Tt]ildelingsbrev)/u;
const REF_VALUE_RE = /(?:^|\s)(\d{2,4}\/\d{1,6}(?:-\d{0,4})?)(?=\s|$)/;

interface Title {
  index: number;
  type: DocumentType;
  text: string;
  year: number | null;
  recipient: string | null;
}

function findTitle(lines: readonly Line[]): Title | null {
  for (let i = 0; i < lines.length && i < HEAD_LINES; i++) {
    const text = lines[i]!.text;
    if (text === '' || text.length > 120 || text.includes('\t')) continue;
    const prefix = TITLE_PREFIX_RE.exec(text);
    const rest = prefix ? text.slice(prefix[0].length) : text;
    const core = rest.charAt(0).toUpperCase() + rest.slice(1);
    const prefixYear = prefix?.[1] ? Number(prefix[1]) : null;
    const b = ALLOCATION_TITLE_AFTER_YEAR_RE.exec(core);
    if (b) return { index: i, type: 'tildelingsbrev', text, year: Number(b[1]), recipient: b[2]! };
    const a = ALLOCATION_TITLE_RE.exec(core);
    if (a && (a[1] || a[2] || a[3] || prefix)) {
      const y = a[3] ?? a[1];
      const year = y ? Number(y) : prefixYear;
      return { index: i, type: 'tildelingsbrev', text, year, recipient: a[2] ?? null };
    }
    const o = MISSION_TITLE_RE.exec(text);
    if (o) {
      const y = o[1] ?? o[3];
      return { index: i, type: 'tildelingsbrev', text, year: y ? Number(y) : null, recipient: o[2] ?? null };
    }
    const n = ANNUAL_NAMED_TITLE_RE.exec(text);
    if (n) {
      const recipient = n[1] ?? n[4] ?? null;
      return { index: i, type: 'arsrapport', text, year: Number(n[2] ?? n[3]), recipient };
    }
    if (SUPPLEMENT_TITLE_RE.test(text) && !/^Oppdragsbrev/i.test(text)) {
      const y = /\b(20\d{2}|19\d{2})\b/.exec(text);
      return { index: i, type: 'tillegg', text, year: y ? Number(y[1]) : null, recipient: null };
    }
    const r = ANNUAL_TITLE_RE.exec(text);
    if (r) {
      return { index: i, type: 'arsrapport', text, year: r[2] ? Number(r[2]) : null, recipient: null };
    }
  }
  return null;
}

interface Labelled<T> {
  /** Index of the label line. */
  labelIndex: number;
  /** The value and the index of its line, or null when no value could be read near the label. */
  found: { value: T; index: number } | null;
}

/**
 * The value printed after a label ("Vår ref", "Dato"), on the same line or among the next lines, searched
 * up to line index `end`. A label followed by other words without a colon is a table header ("Dato⇥Hva",
 * "Dato Tiltak Merknad"), not a label.
 */
function labelled<T>(
  lines: readonly Line[],
  label: RegExp,
  read: (text: string) => T | null,
  end = HEAD_LINES,
): Labelled<T> | null {
  let firstLabel = -1;
  for (let i = 0; i < lines.length && i < end; i++) {
    const text = lines[i]!.text;
    const m = label.exec(text);
    if (!m) continue;
    const after = text.slice(m[0].length);
    const rest = after.replace(/^\s*[:.]?\s*/, '');
    const same = rest ? read(rest) : null;
    if (same === null && rest !== '' && !/^\s*:/.test(after)) continue;
    if (firstLabel === -1) firstLabel = i;
    if (same !== null) return { labelIndex: i, found: { value: same, index: i } };
    // Letterhead exported as a label column followed by a value column: "Deres ref", "Vår ref",
    // "Dato", then "24/418-", "30. januar 2024".
    let seen = 0;
    for (let j = i + 1; j < lines.length && j < end && seen < 8; j++) {
      const t = lines[j]!.text;
      if (t === '') continue;
      seen++;
      const v = read(t);
      if (v !== null) return { labelIndex: i, found: { value: v, index: j } };
    }
  }
  return firstLabel === -1 ? null : { labelIndex: firstLabel, found: null };
}

function readRef(text: string): string | null {
  const m = REF_VALUE_RE.exec(text);
  return m ? m[1]! : null;
}

function readFullDate(text: string): { y: number; m: number; d: number } | null {
  const d = readDayMonth(text.trim());
  if (!d || d.year === null) return null;
  return { y: d.year, m: d.month, d: d.day };
}

/**
 * The year most assignment IDs carry ("TB2022-01", "TB2025-7", "OPP2025-3": the prefixes the document's
 * own headers use), when the title does not say it.
 */
function yearFromIds(lines: readonly Line[]): number | null {
  const scheme = learnIdScheme(lines);
  const counts = new Map<number, number>();
  for (const l of lines) {
    for (const found of findIds(l.text, scheme)) counts.set(found.year, (counts.get(found.year) ?? 0) + 1);
  }
  let best: number | null = null;
  let n = 0;
  for (const [y, c] of counts) if (c > n || (c === n && best !== null && y > best)) [best, n] = [y, c];
  return n >= 3 ? best : null;
}

// "styringssignaler for Helsedirektoratet for 2025", "prioriteringer i 2022", "Tildelinger 2022"
const YEAR_PHRASE_RE =
  /\b(?:tildelingsbrev(?:et)?|Tildelinger|Tildeling|Bevilgning)\b[^.]{0,60}?\b(20\d{2})\b/i;

function yearFromPhrases(lines: readonly Line[]): number | null {
  for (let i = 0; i < lines.length && i < HEAD_LINES; i++) {
    const m = YEAR_PHRASE_RE.exec(lines[i]!.text);
    if (m) return Number(m[1]);
  }
  return null;
}

// An amount column of a budget table: "Tildeling 2025", "Bevilgning for 2025", "Budsjett 2025".
const COLUMN_YEAR_RE = /(?:tildeling|bevilgning|budsjett|ramme)\s+(?:for\s+)?((?:19|20)\d{2})(?!\d)/giu;

/** The year the budget tables' amount columns name most often, from their header rows. */
function yearFromColumns(lines: readonly Line[]): number | null {
  const counts = new Map<number, number>();
  for (const l of lines) {
    const t = l.text;
    if (t.length > 200 || !(t.includes('\t') || /^kap/iu.test(t))) continue;
    for (const m of t.matchAll(COLUMN_YEAR_RE)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  }
  let best: number | null = null;
  let n = 0;
  for (const [y, c] of counts) if (c > n) [best, n] = [y, c];
  return best;
}

/** An export without title page: an allocation letter still speaks of itself and carries TB IDs. */
function typeFromContent(lines: readonly Line[], idYear: number | null): DocumentType {
  if (idYear !== null) return 'tildelingsbrev';
  let mentions = 0;
  let goals = 0;
  for (const l of lines) {
    if (/tildelingsbrev/i.test(l.text)) mentions++;
    if (/^Mål \d{1,2}:/.test(l.text)) goals++;
    if (mentions >= 3 || goals >= 3) return 'tildelingsbrev';
  }
  return 'ukjent';
}

type Warn = (code: string, message: string, line: number | null) => void;

const TYPE_NAME: Record<DocumentType, string> = {
  tildelingsbrev: 'tildelingsbrevet',
  tillegg: 'tillegget til tildelingsbrevet',
  arsrapport: 'årsrapporten',
  ukjent: 'dokumentet',
};

export function detectDocument(
  lines: readonly Line[],
  sha256: string,
  lineCount: number,
  warn: Warn,
): DocumentInfo {
  const title = findTitle(lines);
  const idYear = yearFromIds(lines);
  const type = title?.type ?? typeFromContent(lines, idYear);
  const ref = labelled(lines, /^Vår ref(?:eranse)?\.?/i, readRef);
  // Only a date printed as the letter's own: "Dato" in the letterhead (a "Dato" further down heads a
  // calendar table), "Oslo, 15. januar 2026" above the title, or the place and date of the signature.
  // The 2022 and 2025 letters print no date at all; an annual report is dated where it is signed.
  const head = letterheadEnd(lines, HEAD_LINES);
  const dateLabel = labelled(lines, /^Dato\b/i, readFullDate, head);
  const dated =
    dateLabel?.found ??
    letterheadPlaceDate(lines, title ? Math.min(title.index, head) : head) ??
    (type === 'ukjent' ? null : signatureAsFound(lines));
  const date = dated ? isoDate(dated.value.y, dated.value.m, dated.value.d) : null;
  const year = title?.year ?? idYear ?? yearFromPhrases(lines) ?? (dated ? dated.value.y : null);

  const ministry = letterheadMinistry(lines, HEAD_LINES) ?? mostNamedMinistry(lines);
  const agency =
    title?.recipient ?? addressRecipient(lines, title?.index ?? ADDRESS_LINES) ?? mostNamedAgency(lines);
  // An annual report goes the other way: the agency reports to its ministry.
  const [issuer, recipient] = type === 'arsrapport' ? [agency, ministry] : [ministry, agency];

  const lineNo = (index: number | undefined) => (index === undefined ? null : (lines[index]?.no ?? null));
  const name = TYPE_NAME[type];
  if (type === 'ukjent' && lines.some((l) => l.text !== '')) {
    warn(
      'document_type_unknown',
      'Fant verken tittel («Tildelingsbrev til … for 2025», «Tillegg til tildelingsbrev», «Årsrapport 2023») eller oppdrags-ID-er; dokumenttypen er ukjent.',
      null,
    );
  } else if (type !== 'ukjent' && !title) {
    warn(
      'document_title_missing',
      `Fant ingen tittel på ${name}; typen er avledet av innholdet (oppdrags-ID-er, «Mål 1:», omtale av tildelingsbrevet).`,
      null,
    );
  }
  if (year === null && type !== 'ukjent') {
    warn(
      'document_year_missing',
      `Fant ikke hvilket år ${name} gjelder (verken i tittelen, i oppdrags-ID-ene eller i en dato); frister uten årstall blir ikke datert.`,
      lineNo(title?.index),
    );
  }
  const columnYear = type === 'arsrapport' ? null : yearFromColumns(lines);
  if (
    title?.year != null &&
    (idYear === null || idYear === title.year) &&
    columnYear !== null &&
    columnYear !== title.year
  ) {
    warn(
      'document_year_conflict',
      `Tittelen gjelder ${title.year}, men budsjettabellene oppgir beløp for ${columnYear}; året ${title.year} fra tittelen er brukt.`,
      lineNo(title.index),
    );
  }
  if (title?.year != null && idYear !== null && idYear !== title.year) {
    warn(
      'document_year_conflict',
      `Tittelen gjelder ${title.year}, men de fleste oppdrags-ID-ene gjelder ${idYear}; året ${title.year} fra tittelen er brukt.`,
      lineNo(title.index),
    );
  }
  if (dateLabel && !dateLabel.found) {
    warn(
      'document_date_unreadable',
      `Brevhodet har «Dato», men ingen dato med dag, måned og år kunne leses der.`,
      lineNo(dateLabel.labelIndex),
    );
  } else if (!dated && type !== 'ukjent') {
    warn(
      'document_date_missing',
      `Fant ingen dato for ${name} (verken «Dato: …» i brevhodet eller «Sted, dato» over underskriften).`,
      null,
    );
  }
  if (dated && year !== null && Math.abs(dated.value.y - year) > 1) {
    warn(
      'document_date_conflict',
      `Datoen ${date} ligger langt fra året ${name} gjelder (${year}).`,
      lineNo(dated.index),
    );
  }

  const supplements = type === 'tildelingsbrev' ? findSupplements(lines, title?.index ?? -1, year) : [];
  return {
    type,
    year,
    date,
    issuer,
    recipient,
    reference: ref?.found?.value ?? null,
    title: title?.text ?? null,
    sha256,
    lineCount,
    supplements,
  };
}

function signatureAsFound(
  lines: readonly Line[],
): { value: { y: number; m: number; d: number }; index: number } | null {
  const s = signatureDate(lines);
  return s ? { value: { y: s.y, m: s.m, d: s.d }, index: s.index } : null;
}
