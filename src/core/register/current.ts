/**
 * What an assignment looks like now, from its appearances in time order. A later letter usually restates
 * the whole assignment (a carried-over row prints its title and its new deadline), so the latest
 * appearance wins. A supplement that restates an assignment given earlier prints only what it changes
 * ("Presisering av oppdrag TB2026-02 …" + "Fristen for deloppdrag b) utsettes til 1. oktober 2026"):
 * it overlays the sub-task deadlines it names and keeps the earlier title and departments when it
 * prints none.
 */

export interface AppearanceView<D extends { part: string | null }> {
  kind: string;
  title: string;
  departments: string[];
  deadlines: D[];
}

export function currentView<D extends { part: string | null }>(
  ordered: readonly AppearanceView<D>[],
): AppearanceView<D> | null {
  let view: AppearanceView<D> | null = null;
  for (const ap of ordered) {
    if (view === null || ap.kind !== 'supplement') {
      view = { ...ap };
      continue;
    }
    // A restated sub-task keeps its place among the others (a, b, c stay in order).
    const prev: AppearanceView<D> = view;
    const byPart = new Map<string | null, D>(ap.deadlines.map((d) => [d.part, d]));
    const kept: D[] = prev.deadlines.map((d) => byPart.get(d.part) ?? d);
    const known = new Set<string | null>(prev.deadlines.map((d) => d.part));
    view = {
      kind: ap.kind,
      title: ap.title !== '' ? ap.title : prev.title,
      departments: ap.departments.length > 0 ? ap.departments : prev.departments,
      deadlines: [...kept, ...ap.deadlines.filter((d) => !known.has(d.part))],
    };
  }
  return view;
}
