/**
 * Lineage: an assignment is one thing across letters. Every appearance brings a set of ID keys
 * (its own ID plus any others printed with it, "TB2019-7/TTB2019-38"); appearances sharing a key, or
 * keys already bound to the same register assignment, are one assignment (union-find over keys).
 * When an appearance bridges two assignments that were separate until now, they merge into the
 * older one (the smaller id), so what users entered on either survives.
 */

export class UnionFind {
  private parent = new Map<string, string>();

  find(x: string): string {
    let root = this.parent.get(x) ?? x;
    if (root === x) {
      if (!this.parent.has(x)) this.parent.set(x, x);
      return x;
    }
    while (true) {
      const next = this.parent.get(root) ?? root;
      if (next === root) break;
      root = next;
    }
    let cur = x;
    while (cur !== root) {
      const next = this.parent.get(cur) ?? root;
      this.parent.set(cur, root);
      cur = next;
    }
    return root;
  }

  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    // The smaller key becomes the root, so the result does not depend on the order of unions.
    const [lo, hi] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent.set(hi, lo);
  }
}

/** Group ID sets that share any ID: [[A,B],[B,C],[D]] → [[A,B,C],[D]] (order of first appearance). */
export function mergeIdGroups(sets: readonly (readonly string[])[]): string[][] {
  const uf = new UnionFind();
  for (const s of sets) {
    const first = s[0];
    if (first === undefined) continue;
    uf.find(first);
    for (const k of s.slice(1)) uf.union(first, k);
  }
  const groups = new Map<string, string[]>();
  for (const s of sets)
    for (const k of s) {
      const root = uf.find(k);
      const g = groups.get(root) ?? [];
      if (!g.includes(k)) g.push(k);
      groups.set(root, g);
    }
  return [...groups.values()];
}

export interface LineageGroup {
  /** Indexes of the incoming appearances in this group. */
  appearances: number[];
  /** Every ID key of the group. */
  keys: string[];
  /** Existing register assignments the group touches, ascending; the first survives a merge. */
  existing: number[];
  /** Keys not yet bound to any assignment. */
  newKeys: string[];
}

/**
 * Plan where each incoming appearance goes. `bound` maps already known ID keys to assignment ids.
 * Assignments reached only through `bound` (not by any incoming key) are left alone.
 */
export function planLineage(
  incoming: readonly (readonly string[])[],
  bound: ReadonlyMap<string, number>,
): LineageGroup[] {
  const uf = new UnionFind();
  incoming.forEach((keys, i) => {
    const node = `#${i}`;
    uf.find(node);
    for (const k of keys) {
      uf.union(node, `K:${k}`);
      const a = bound.get(k);
      if (a !== undefined) uf.union(`K:${k}`, `A:${a}`);
    }
  });
  const byRoot = new Map<string, LineageGroup>();
  incoming.forEach((keys, i) => {
    const root = uf.find(`#${i}`);
    let g = byRoot.get(root);
    if (!g) {
      g = { appearances: [], keys: [], existing: [], newKeys: [] };
      byRoot.set(root, g);
    }
    g.appearances.push(i);
    for (const k of keys) {
      if (g.keys.includes(k)) continue;
      g.keys.push(k);
      const a = bound.get(k);
      if (a === undefined) g.newKeys.push(k);
      else if (!g.existing.includes(a)) g.existing.push(a);
    }
  });
  const groups = [...byRoot.values()];
  for (const g of groups) g.existing.sort((a, b) => a - b);
  return groups;
}
