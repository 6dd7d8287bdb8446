/**
 * Budget changes in supplementary letters, printed as a small label row and an amount row under a
 * "Kap. 762, post 21" heading:
 *
 *   Kap. 762, post 21
 *   Helsedirektoratet tildeles 8 mill. kroner for tilskudd til …
 *   Tidligere tildeling Ny tildeling Sum tildelt
 *   160 mill. kroner 8 mill. kroner 168 mill. kroner
 *
 * Each becomes a BudgetLine whose columns are the labels; a closing "Sum …" column is cross-footed.
 */
import type { BudgetLine } from '../../model/extraction.js';
import type { ExtractContext } from '../context.js';
import { moneyPhrases } from './amounts.js';
import { checkSumColumn, sumColumn } from './checks.js';
import { joinComment } from './comment.js';
import { readEarmarks } from './earmarks.js';
import { flagsFromName } from './flags.js';

const LABEL_RE =
  /(?:tidligere|ny|nytt|sum|samlet|opprinnelig|endret|revidert|total)\s+(?:tildeling|tildelt|bevilgning|ramme|beløp)|\bendring\b|\bsum\b/giu;
const KAP_POST_RE = /^kap(?:ittel)?[.,]?\s*(\d{3,4})\b[^,\n]{0,80}?,?\s*post\s+(\d{1,2})\b\s*(.*)$/iu;

// A label row holds labels only, so it opens with one: a cheap anchored test before the full scan.
const LABEL_START_RE = /^(?:tidligere|ny|nytt|sum|samlet|opprinnelig|endret|revidert|total|endring)\s/iu;

/**
 * The labels of a label row, or null. An HTML or DOCX table prints them one per cell
 * ("Tidligere tildeling⇥Ny tildeling⇥Sum tildelt"); then every cell must hold exactly one label,
 * so the header row of an ordinary budget table ("Kap.⇥Post⇥…⇥Ny tildeling") never qualifies.
 */
function labelsOf(text: string): string[] | null {
  if (text.length > 120) return null;
  if (text.includes('\t')) {
    const cells = text.split('\t').map((c) => c.trim());
    if (cells.some((c) => c === '' || (c.match(LABEL_RE)?.length ?? 0) !== 1)) return null;
  }
  const labels = [...text.matchAll(LABEL_RE)].map((m) => m[0]);
  if (labels.length < 2) return null;
  return text.replace(LABEL_RE, '').trim() === '' ? labels : null;
}

export function readChanges(ctx: ExtractContext): BudgetLine[] {
  const out: BudgetLine[] = [];
  const { lines } = ctx;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]?.text ?? '';
    if (text.length > 120 || text.length < 8 || !LABEL_START_RE.test(text)) continue;
    if (!(text.includes('ildel') || text.includes('evilg') || text.includes('ndring'))) continue;
    const labels = labelsOf(text);
    if (!labels) continue;
    let j = i + 1;
    while (j < lines.length && lines[j]?.text === '') j++;
    const amountLine = lines[j];
    if (!amountLine) continue;
    const phrases = moneyPhrases(amountLine.text);
    const covered = phrases.reduce((s, p) => s + p.length, 0);
    if (phrases.length !== labels.length || covered < amountLine.text.replace(/\s/g, '').length * 0.6)
      continue;
    // The chapter and post heading above, within a dozen non-empty lines.
    let keyIndex = -1;
    let key: RegExpExecArray | null = null;
    for (let k = i - 1, seen = 0; k >= 0 && seen < 12; k--) {
      const t = lines[k]?.text ?? '';
      if (t === '') continue;
      seen++;
      key = KAP_POST_RE.exec(t);
      if (key) {
        keyIndex = k;
        break;
      }
    }
    const first = lines[keyIndex >= 0 ? keyIndex : i]?.no ?? amountLine.no;
    if (!key) {
      ctx.warn(
        'budget_change_without_key',
        `Fant en budsjettendring («${text}») uten kapittel og post over.`,
        lines[i]?.no ?? null,
      );
      continue;
    }
    let caption: string | null = null;
    for (let k = keyIndex - 1, seen = 0; k >= 0 && seen < 6; k--) {
      const t = lines[k]?.text ?? '';
      if (t === '') continue;
      seen++;
      if (/budsjettendring/iu.test(t) && t.length <= 60) {
        caption = t;
        break;
      }
    }
    const comment = joinComment(
      lines.slice(keyIndex + 1, i).map((l) => l.text),
      'text',
    );
    const amounts = phrases.map((p) => p.kroner);
    const name = (key[3] ?? '').trim();
    const { flags, usableUnderPosts } = flagsFromName(name);
    const line: BudgetLine = {
      chapter: String(Number(key[1] ?? '')),
      post: (key[2] ?? '').padStart(2, '0'),
      name,
      columns: labels,
      amounts,
      flags,
      usableUnderPosts,
      comment,
      earmarks: readEarmarks(comment, null).earmarks,
      table: caption ?? lines[keyIndex]?.text ?? null,
      lines: [first, amountLine.no],
    };
    ctx.tally?.budgetTable(lines[i]?.no ?? null, 1);
    if (sumColumn(labels)) checkSumColumn(line, ctx.warn, ctx.tally, amountLine.no);
    out.push(line);
    i = j;
  }
  return out;
}
