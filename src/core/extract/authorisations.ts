/**
 * Authorisations (fullmakter) granted to the agency: order ceilings (bestillingsfullmakt), overspending
 * against extra income (merinntektsfullmakt), charging another chapter (belastningsfullmakt), personnel
 * and other authorisations.
 *
 * Layouts read:
 *   - a statement in prose: "Helsedirektoratet gis fullmakt til å belaste kap. 710, post 23 med …",
 *     "Helsedirektoratet kan overskride denne tildelingen mot tilsvarende merinntekter under kap. 3714,
 *     post 04." (the expense post is the "Kap. 714, post 21" heading above);
 *   - a ceiling table after "… ikke overstiger følgende beløp:" — tab-separated
 *     `⇥21⇥Spesielle driftsutgifter⇥178 mill. kroner⇥112 mill. kroner` or PDF text
 *     `21 Spesielle driftsutgifter 173,1 mill. kroner`, chapter rows `710 Vaksiner mv.` above their posts;
 *   - a merinntekt list whose two columns PDF extraction interleaves: "overskride bevilgninger under mot
 *     tilsvarende merinntekter under" / "kap. 714 post 22 kap. 3714 post 04" / "kap. 710 post 22" /
 *     "kap. 740 postene 01 og 21" / "kap. 3710 post 03" … Expense and income chapters are paired by the
 *     budget's numbering rule (income chapter = expense chapter + 3000), not by line order.
 */
import type { Authorisation } from '../model/extraction.js';
import type { Line } from '../text/lines.js';
import { moneyPhrases } from './budget/amounts.js';
import { sentences } from './budget/earmarks.js';
import { type BudgetRef, budgetRefs, expenseChapterOf, formatPosts } from './budget/refs.js';
import { isHeading } from './budget/tables.js';
import type { ExtractContext } from './context.js';

const GRANT_RE = /\b(?:gis|gir|får|delegeres|overskride|kan\s+delegere)\b/iu;
const NAMED_KIND_RE = /\b(?:belastnings|bestillings|merinntekts)fullmakt\b/iu;
const PERSONNEL_RE = /ansettelse|stilling|lønn|erstatning|tariff|toppleder|delegere\s+fullmakt\s+videre/iu;
// A new list item or numbered point ends the statement before it: "- Folkehelseinstituttet", "1.4. Beslutning".
const ITEM_START_RE = /^(?:[-–•✓o]\s|\d{1,2}(?:\.\d{1,2})*\.?\s+\p{Lu})/u;
const TOC_RE = /\.{4,}|\t\d+$/;
const TABLE_LEAD_RE = /(?:følgende\s+beløp|følgende\s+rammer?)\s*:?\s*$/iu;
const REF_ONLY_RE =
  /^(?:\s*kap(?:ittel|\.)?\s*\d{3,4}\s+post(?:ene)?\s+\d{2}(?:\s*(?:,|og)\s*\d{2})*\s*)+$/iu;
const KAP_HEADING_RE = /^kap(?:ittel)?[.,]?\s*(\d{3,4})\b[^.]{0,80}?post\s+(\d{1,2})\b/iu;
// "inntil kr 30.000": a prefixed amount with a period as thousands separator.
const KR_PREFIX_RE = /\bkr\.?\s*(\d{1,3}(?:[. ]\d{3})+|\d+)(?![\d,])/iu;

function kindOf(text: string): string {
  if (/belast/iu.test(text)) return 'belastningsfullmakt';
  if (/merinntekt/iu.test(text)) return 'merinntektsfullmakt';
  if (/bestilling/iu.test(text)) return 'bestillingsfullmakt';
  if (PERSONNEL_RE.test(text)) return 'personalfullmakt';
  return 'annen';
}

function amountIn(text: string): number | null {
  const m = moneyPhrases(text)[0];
  if (m) return m.kroner;
  const k = KR_PREFIX_RE.exec(text);
  const n = k ? Number((k[1] ?? '').replace(/[. ]/g, '')) : null;
  return n !== null && Number.isSafeInteger(n) ? n : null;
}

function nextNonEmpty(lines: readonly Line[], from: number, limit = 4): number {
  for (let j = from; j < lines.length && j < from + limit * 2 + 2; j++) if (lines[j]?.text) return j;
  return -1;
}

function prevNonEmpty(lines: readonly Line[], from: number): number {
  for (let j = from; j >= 0 && j > from - 6; j--) if (lines[j]?.text) return j;
  return -1;
}

interface Statement {
  text: string;
  first: number;
  last: number;
  /** Index of the last line the statement used. */
  end: number;
}

/**
 * The sentence around line `i`. HTML exports hold a paragraph per line; PDF text wraps sentences over
 * lines, so the statement extends back to the previous sentence end and forward to the next one (a colon
 * followed by a lower-case line continues: "fullmakt til å:" / "overskride bevilgninger …").
 */
function statementAt(lines: readonly Line[], i: number): Statement | null {
  const line = lines[i];
  if (!line) return null;
  // PDF text wraps near 100 characters; a longer line is a whole paragraph (HTML, DOCX, tables).
  if (line.text.length > 110 || line.text.includes('\t')) {
    return { text: line.text, first: line.no, last: line.no, end: i };
  }
  // A title line ("Merinntektsfullmakter", "Andre fullmakter") stands alone.
  const nextText = lines[nextNonEmpty(lines, i + 1)]?.text ?? '';
  // A numbered heading ("4 Fullmakter", "5.3.1 Bestillingsfullmakt") is never the start of a sentence.
  if (isHeading(line.text)) return { text: line.text, first: line.no, last: line.no, end: i };
  if (
    line.text.length <= 80 &&
    /^\p{Lu}/u.test(line.text) &&
    !/[.:,]$/.test(line.text) &&
    /^\p{Lu}/u.test(nextText)
  )
    return { text: line.text, first: line.no, last: line.no, end: i };
  let start = i;
  // Only a line that starts in lower case continues a sentence from the line above.
  const continues = (t: string) => /^\p{Ll}/u.test(t) && !ITEM_START_RE.test(t);
  for (let steps = 0; steps < 3 && continues(lines[start]?.text ?? ''); steps++) {
    const k = prevNonEmpty(lines, start - 1);
    const t = lines[k]?.text ?? '';
    if (k < 0 || /[.:!?]\s*$/.test(t) || isHeading(t) || t.includes('\t') || t.length < 25) break;
    start = k;
  }
  let end = i;
  for (let steps = 0; steps < 4; steps++) {
    const t = lines[end]?.text ?? '';
    const k = nextNonEmpty(lines, end + 1);
    const next = lines[k]?.text ?? '';
    if (k < 0 || isHeading(next) || next.includes('\t') || ITEM_START_RE.test(next)) break;
    if (next.length <= 200 && REF_ONLY_RE.test(next)) break;
    if (/[.!?]\s*$/.test(t)) break;
    // Parallel statements without full stops: "Helsedirektoratet har fullmakt …" / "Helsedirektoratet har …".
    if (opening(next) === opening(lines[start]?.text ?? '')) break;
    if (/:\s*$/.test(t) && !/^\p{Ll}/u.test(next)) break;
    end = k;
  }
  const parts: string[] = [];
  for (let j = start; j <= end; j++) if (lines[j]?.text) parts.push(lines[j]?.text ?? '');
  return { text: parts.join(' '), first: lines[start]?.no ?? line.no, last: lines[end]?.no ?? line.no, end };
}

/** The first two words of a line. */
function opening(text: string): string {
  return text.split(' ', 2).join(' ');
}

/** Sentences of a statement that speak of an authorisation. */
function relevantSentences(text: string): string[] {
  return sentences(text)
    .map((s) => s.replace(/^[-–•✓o]\s+/u, ''))
    .filter((s) => /fullmakt|merinntekt/iu.test(s) && s.split(' ').length >= 6);
}

function isGrant(sentence: string): boolean {
  if (/\bKongen\b/u.test(sentence)) return false;
  if (/merinntekt/iu.test(sentence)) return /overskrid/iu.test(sentence);
  return (GRANT_RE.test(sentence) && /fullmakt/iu.test(sentence)) || NAMED_KIND_RE.test(sentence);
}

/** The "Kap. 714, post 21 …" heading that a prose paragraph sits under, within 40 lines. */
function headingRefAbove(lines: readonly Line[], i: number): { chapter: string; post: string } | null {
  for (let j = i - 1; j >= 0 && j > i - 40; j--) {
    const m = KAP_HEADING_RE.exec(lines[j]?.text ?? '');
    if (m) return { chapter: String(Number(m[1] ?? '')), post: (m[2] ?? '').padStart(2, '0') };
  }
  return null;
}

function merinntekt(
  lines: readonly Line[],
  st: Statement,
  sentence: string,
  lineIndex: number,
): { records: Authorisation[]; end: number } {
  let refs = budgetRefs(sentence);
  let end = st.end;
  let last = st.last;
  const listed: string[] = [];
  if (!refs.some((r) => Number(r.chapter) < 3000)) {
    // The list layout: lines holding nothing but references follow the statement.
    for (let j = nextNonEmpty(lines, end + 1); j >= 0; j = nextNonEmpty(lines, j + 1)) {
      const t = lines[j]?.text ?? '';
      if (!REF_ONLY_RE.test(t)) break;
      listed.push(t);
      refs = [...refs, ...budgetRefs(t)];
      end = j;
      last = lines[j]?.no ?? last;
    }
  }
  const expense = refs.filter((r) => Number(r.chapter) < 3000);
  const income = refs.filter(
    (r, k) =>
      Number(r.chapter) >= 3000 &&
      refs.findIndex((o) => o.chapter === r.chapter && o.posts.join() === r.posts.join()) === k,
  );
  const incomeFor = (e: BudgetRef): BudgetRef | null =>
    income.find((r) => expenseChapterOf(r.chapter) === e.chapter) ??
    (income.length === 1 ? (income[0] ?? null) : null);
  const describe = (r: BudgetRef | null) =>
    r ? `kap. ${r.chapter} ${r.posts.length > 1 ? 'postene' : 'post'} ${r.posts.join(' og ')}`.trim() : '?';
  const records: Authorisation[] = [];
  if (expense.length > 0) {
    for (const e of expense) {
      const inc = incomeFor(e);
      records.push({
        kind: 'merinntektsfullmakt',
        text: listed.length ? `${sentence} ${describe(e)} mot ${describe(inc)}` : sentence,
        chapter: e.chapter,
        post: formatPosts(e.posts),
        amount: null,
        lines: [st.first, last],
      });
    }
    return { records, end };
  }
  // "kan overskride denne tildelingen mot tilsvarende merinntekter under kap. 3714, post 04": the expense
  // post is the heading above, or at least the chapter the income chapter mirrors.
  for (const inc of income) {
    const above = headingRefAbove(lines, lineIndex);
    const chapter =
      above && expenseChapterOf(inc.chapter) === above.chapter
        ? above.chapter
        : expenseChapterOf(inc.chapter);
    records.push({
      kind: 'merinntektsfullmakt',
      text: sentence,
      chapter,
      post: above && above.chapter === chapter ? above.post : null,
      amount: null,
      lines: [st.first, last],
    });
  }
  return { records, end };
}

const TAB_ROW_RE = /^(\d{3,4})?\t(\d{2})?\t/;
const TEXT_CHAPTER_RE = /^(\d{3,4})\s+(\p{L}.*)$/u;
const TEXT_POST_RE = /^(\d{2})\s+(\p{L}.*)$/u;

/** Rows of a ceiling table after "… følgende beløp:". */
function ceilingTable(
  lines: readonly Line[],
  from: number,
  kind: string,
  warn: ExtractContext['warn'],
): { records: Authorisation[]; end: number } {
  const records: Authorisation[] = [];
  let i = nextNonEmpty(lines, from);
  const header = lines[i]?.text ?? '';
  if (i < 0 || !/^kap/iu.test(header)) return { records, end: from - 1 };
  const labels = header.includes('\t')
    ? header
        .split('\t')
        .slice(3)
        .map((c) => c.trim())
    : [];
  let end = i;
  let chapter: string | null = null;
  let open: { rec: Authorisation; done: boolean } | null = null;
  const close = () => {
    if (open && !open.done)
      warn(
        'authorisation_amount_missing',
        `Fant ikke beløpet for fullmakten «${open.rec.text}».`,
        open.rec.lines[0],
      );
    open = null;
  };
  for (i = nextNonEmpty(lines, i + 1); i >= 0; i = nextNonEmpty(lines, i + 1)) {
    const line = lines[i];
    if (!line) break;
    const t = line.text;
    if (t.includes('\t')) {
      const m = TAB_ROW_RE.exec(t);
      if (!m) break;
      const cells = t.split('\t').map((c) => c.trim());
      if (m[1]) chapter = m[1];
      if (!m[2]) {
        end = i;
        continue;
      }
      const amounts = cells.slice(3).map((c) => ({ c, v: amountIn(c) }));
      const parts = amounts.map((a, k) => `${labels[k] ?? ''} ${a.c}`.trim()).filter((p) => p !== '');
      const last = [...amounts].reverse().find((a) => a.v !== null);
      records.push({
        kind,
        text: `kap. ${chapter ?? '?'} post ${m[2]} ${cells[2] ?? ''}: ${parts.join('; ')}`.trim(),
        chapter,
        post: m[2],
        amount: last?.v ?? null,
        lines: [line.no, line.no],
      });
      end = i;
      continue;
    }
    const cur: { rec: Authorisation; done: boolean } | null = open;
    // "675 mill. kroner" on its own line: the amount of a wrapped row, not chapter 675.
    const money = moneyPhrases(t)[0];
    if (cur && !cur.done && money && money.index === 0 && money.length >= t.trim().length - 1) {
      cur.rec.text = `${cur.rec.text} ${t}`;
      cur.rec.lines = [cur.rec.lines[0], line.no];
      cur.rec.amount = money.kroner;
      cur.done = true;
      end = i;
      continue;
    }
    const post = TEXT_POST_RE.exec(t);
    const chap = post ? null : TEXT_CHAPTER_RE.exec(t);
    if (post || chap) {
      close();
      if (chap) {
        chapter = chap[1] ?? null;
        end = i;
        continue;
      }
      const rest = post?.[2] ?? '';
      const nil = /\s-$/.test(rest);
      const amount = amountIn(rest);
      const rec: Authorisation = {
        kind,
        text: `kap. ${chapter ?? '?'} post ${post?.[1] ?? ''} ${rest}`.trim(),
        chapter,
        post: post?.[1] ?? null,
        // "22 Salgs- og beredskapsprodukter m.m. -": a dash is no ceiling, not a ceiling of zero.
        amount: nil ? null : amount,
        lines: [line.no, line.no],
      };
      records.push(rec);
      open = { rec, done: nil || amount !== null };
      end = i;
      continue;
    }
    if (cur && !cur.done && t.length <= 60) {
      cur.rec.text = `${cur.rec.text} ${t}`;
      cur.rec.lines = [cur.rec.lines[0], line.no];
      const amount = amountIn(t);
      if (amount !== null) {
        cur.rec.amount = amount;
        cur.done = true;
      }
      end = i;
      continue;
    }
    break;
  }
  close();
  return { records, end };
}

export function extractAuthorisations(ctx: ExtractContext): Authorisation[] {
  const out: Authorisation[] = [];
  const { lines } = ctx;
  let consumed = -1;
  for (let i = 0; i < lines.length; i++) {
    if (i <= consumed) continue;
    const text = lines[i]?.text ?? '';
    if (!(text.includes('ullmakt') || text.includes('erinntekt')) || TOC_RE.test(text)) continue;
    const st = statementAt(lines, i);
    if (!st) continue;
    consumed = Math.max(consumed, st.end);
    for (const sentence of relevantSentences(st.text)) {
      if (!isGrant(sentence)) continue;
      const kind = kindOf(sentence);
      if (TABLE_LEAD_RE.test(sentence)) {
        const table = ceilingTable(lines, st.end + 1, kind, ctx.warn);
        if (table.records.length > 0) {
          out.push(...table.records);
          consumed = Math.max(consumed, table.end);
          continue;
        }
      }
      if (kind === 'merinntektsfullmakt') {
        const m = merinntekt(lines, st, sentence, i);
        if (m.records.length === 0)
          ctx.warn(
            'authorisation_unpaired',
            `Fant ikke kapittel og post for merinntektsfullmakten «${sentence}».`,
            st.first,
          );
        out.push(...m.records);
        consumed = Math.max(consumed, m.end);
        continue;
      }
      // "Fullmakten delegeres med dette til virksomheten." continues the authorisation just before it.
      const prev = out.at(-1);
      if (prev && /^fullmakten\b/iu.test(sentence) && st.first - prev.lines[1] <= 4) {
        prev.text = `${prev.text} ${sentence}`;
        prev.lines = [prev.lines[0], st.last];
        continue;
      }
      const ref = budgetRefs(sentence)[0];
      out.push({
        kind,
        text: sentence,
        chapter: ref?.chapter ?? null,
        post: ref ? formatPosts(ref.posts) : null,
        amount: amountIn(sentence),
        lines: [st.first, st.last],
      });
    }
  }
  for (const rec of out) if (rec.amount === null) warnUnreadableAmounts(ctx, rec);
  return out;
}

/** "inntil 12 345 678 901 234 567 kroner": more digit groups than an amount has; left without an amount. */
function warnUnreadableAmounts(ctx: ExtractContext, rec: Authorisation): void {
  const unreadable: string[] = [];
  moneyPhrases(rec.text, unreadable);
  for (const printed of unreadable) {
    ctx.warn(
      'budget_amount_unreadable',
      `Kunne ikke lese beløpet «${printed}» i fullmakten (for mange siffergrupper eller for stort); fullmakten står uten beløp.`,
      rec.lines[0],
    );
  }
}
