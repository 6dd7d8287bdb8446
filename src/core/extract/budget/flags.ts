/**
 * Budget flags ("stikkord") printed in a post's name: "Spesielle driftsutgifter, kan overføres, kan nyttes
 * under post 70", "Tilskudd (kan nyttes under post 70 og 71)", "Tilskudd, overslagsbevilgning",
 * "kan nyttes under postene 70, 74 og 79", the Nynorsk "overslagsløyving".
 */
import type { BudgetFlag } from '../../model/extraction.js';

export interface NameFlags {
  flags: BudgetFlag[];
  usableUnderPosts: string[];
}

const USABLE_RE =
  /kan\s+nyttes\s+under\s+(?:kap(?:ittel)?\.?\s*\d{3,4},?\s*)?post(?:ene|er)?\s+((?:\d{2}(?:\s*(?:,|og|\/|-)\s*)?)+)/giu;

export function flagsFromName(name: string): NameFlags {
  const flags: BudgetFlag[] = [];
  const posts: string[] = [];
  if (/kan\s+overføres|kan\s+overførast/i.test(name)) flags.push('kan_overfores');
  for (const m of name.matchAll(USABLE_RE)) {
    for (const p of (m[1] ?? '').match(/\d{2}/g) ?? []) if (!posts.includes(p)) posts.push(p);
  }
  if (posts.length > 0 || /kan\s+nyttes\s+under/i.test(name)) flags.push('kan_nyttes_under_post');
  if (/overslagsbevilgning|overslagsløyving/i.test(name)) flags.push('overslagsbevilgning');
  return { flags, usableUnderPosts: posts };
}
