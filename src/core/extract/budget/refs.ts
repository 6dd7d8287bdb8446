/**
 * Chapter/post references in prose: "kap. 714, post 21", "kap. 740 postene 01 og 21",
 * "Kap. 702 Beredskap Post 22", "kap. 740 Helsedirektoratet på post 60, 61, 70 og 73", "kap. 734.70",
 * and older letters' one-digit posts: "kap. 554, post 1" is "kap. 554 post 01".
 */

export interface BudgetRef {
  chapter: string;
  posts: string[];
  index: number;
  length: number;
}

const REF_RE =
  /\bkap(?:ittel|\.)?\s*(\d{3,4})(?:\.(\d{2})\b|(?:[ ,]+[\p{L}-]+){0,4}?[ ,]+post(?:ene|er)?\s+(\d{1,2}(?!\d|\s\d{3})(?:\s*(?:,|og|\/)\s*\d{1,2}(?!\d))*))?/giu;

export function budgetRefs(text: string): BudgetRef[] {
  const out: BudgetRef[] = [];
  for (const m of text.matchAll(REF_RE)) {
    const posts = m[2] ? [m[2]] : (m[3]?.match(/\d{1,2}/g) ?? []).map((p) => p.padStart(2, '0'));
    // "kap. 0714" in accounts tables is chapter 714.
    out.push({ chapter: String(Number(m[1] ?? '')), posts, index: m.index, length: m[0].length });
  }
  return out;
}

/** Income chapters mirror their expense chapter: 3714 belongs to 714, 3740 to 740 (the 3000 rule). */
export function expenseChapterOf(incomeChapter: string): string | null {
  const n = Number(incomeChapter);
  return n >= 3000 && n < 4000 ? String(n - 3000) : null;
}

export function formatPosts(posts: readonly string[]): string | null {
  return posts.length === 0 ? null : posts.join(', ');
}
