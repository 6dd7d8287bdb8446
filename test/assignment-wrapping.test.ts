/**
 * Sub-tasks and deadlines must not depend on where a PDF line happens to wrap: a sentence that ends at
 * the end of a full line goes on in the same item, and a participle's modal on the line before still
 * counts. Expected values were read in the 2022 and 2025 letters.
 */
import { describe, expect, it } from 'vitest';
import { parseDeadlinesAcross } from '../src/core/extract/deadlines.js';
import type { Assignment } from '../src/core/model/extraction.js';
import { extractText, seed, seedText } from './helpers/seeds.js';

const byId = (list: readonly Assignment[], id: string): Assignment => {
  const a = list.find((x) => x.id === id);
  if (!a) throw new Error(`mangler ${id}`);
  return a;
};

describe('sub-tasks over sentence ends at a line wrap', () => {
  it('2022: item 1 of TB2022-28 runs on to "Utkast leveres … innen 31.12.2022"', () => {
    // "… skal utarbeides av Hdir og Bufdir." (a full line) ⏎ "Anbefalingene skal gis innenfor …".
    const a = byId(seed('tb2022').assignments, 'TB2022-28');
    expect(a.deadlines.map((d) => [d.date, d.part, d.line])).toEqual([
      ['2022-12-31', '1', 1367],
      ['2022-12-31', '2', 1374],
      ['2022-04-01', '2', 1376],
    ]);
  });

  it('2025: a deadline line of its own after the last item is not the item', () => {
    // "… belyse ev. utfordringer med gjennomføring." ⏎ "Frist: 15. mars for oppdrag 4; 15. november 2025 …"
    const a = byId(seed('tb2025').assignments, 'TB2025-20');
    expect(a.parts.find((p) => p.label === '4')?.lines).toEqual([944, 946]);
  });

  it('an item whose sentence ends exactly at the wrap keeps its deadline', () => {
    const text = [
      'Tildelingsbrev 2025',
      '',
      'TB2025-9 Avd. HOD: DIG Informasjonsforvaltning',
      'Helsedirektoratet skal:',
      'a) Videreutvikle arbeidet med informasjonsforvaltning og vurdere gjenbruk av',
      'modeller for internasjonale standarder. Frist: 1. mai 2025',
      'b) Oppdatere planen for internasjonale standarder med nye tiltak for prioriterte',
      'informasjonsmodeller (Helse-NIM) spesielt rettet mot EHDS.',
      'Arbeidet skal gi rammer for felles struktur og harmonisering',
      'av helseopplysninger. Frist: 15. juni 2025',
    ].join('\n');
    const a = byId(extractText(text).assignments, 'TB2025-9');
    expect(a.deadlines.map((d) => [d.date, d.part])).toEqual([
      ['2025-05-01', 'a'],
      ['2025-06-15', 'b'],
    ]);
  });
});

describe('deadline words on the line before', () => {
  const ctx = { year: 2025, part: null };
  const next = ['2025. Helsedirektoratet bes sette en eksakt frist for evaluators arbeid.'];

  it('a participle after a modal on the previous line is a deadline ("skal være" ⏎ "ferdigstilt ila høsten")', () => {
    const found = parseDeadlinesAcross(
      'ferdigstilt ila høsten',
      next,
      12,
      ctx,
      'utarbeidet et mandat for evalueringen som skal være',
    );
    expect(found.map((d) => [d.date, d.precision, d.line])).toEqual([['2025-12-31', 'half', 12]]);
  });

  it('without the line before, the bare participle reports the past', () => {
    expect(parseDeadlinesAcross('ferdigstilt ila høsten', next, 12, ctx)).toEqual([]);
  });

  it('never reports a trigger that stands on the previous line', () => {
    expect(
      parseDeadlinesAcross('og departementet.', null, 12, ctx, 'Frist: 1. mars 2025 for rapporten'),
    ).toEqual([]);
  });
});

describe('a header whose page-start mark is lost', () => {
  it('2022: TTB2022-28 after a footnote address is still a header', () => {
    // Line 4439 is a bare URL, line 4440 " TTB2022-28 Utrede en tilgangsløsning …" starts a page; the
    // leading space that marks the page start is what a different PDF reader may not give us.
    const text = seedText('tb2022')
      .split('\n')
      .map((l) => l.replace(/^ (?=\S)/, ''))
      .join('\n');
    const a = byId(extractText(text).assignments, 'TTB2022-28');
    expect(a.title).toBe(
      'Utrede en tilgangsløsning for fosterforeldre til barns helseopplysninger på helsenorge.no',
    );
    expect(a.lines[0]).toBe(4440);
  });
});
