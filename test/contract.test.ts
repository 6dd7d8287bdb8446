/** Every seed's and example's output satisfies the published JSON Schema and the provenance rules. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { ExtractionResult } from '../src/core/model/extraction.js';
import { extractionJsonSchema } from '../src/core/model/json-schema.js';
import { exampleFiles, extractText, SEED, type SeedKey, seed } from './helpers/seeds.js';

const schemaFile = join(import.meta.dirname, '..', 'docs', 'extraction.schema.json');
const published: Record<string, unknown> = JSON.parse(readFileSync(schemaFile, 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(published);

function allLineRefs(r: ExtractionResult): number[] {
  const ranges: (readonly [number, number])[] = [
    ...r.sections.map((s) => s.lines),
    ...r.goals.map((g) => g.lines),
    ...r.assignments.flatMap((a) => [a.lines, ...a.parts.map((p) => p.lines)]),
    ...r.budgetLines.map((b) => b.lines),
    ...r.authorisations.map((x) => x.lines),
    ...r.calendar.map((c) => c.lines),
    ...r.document.supplements.map((s) => s.lines),
  ];
  const single = [
    ...r.goals.flatMap((g) => [...g.criteria, ...g.steeringParameters, ...g.keyFigures].map((i) => i.line)),
    ...r.assignments.flatMap((a) => a.deadlines.map((d) => d.line)),
    ...r.warnings.flatMap((w) => (w.line === null ? [] : [w.line])),
  ];
  return [...ranges.flat(), ...single];
}

function checkResult(r: ExtractionResult): void {
  const ok = validate(JSON.parse(JSON.stringify(r)));
  expect(validate.errors ?? [], `${r.source.name} does not match the schema`).toEqual([]);
  expect(ok).toBe(true);
  for (const n of allLineRefs(r)) {
    expect(n).toBeGreaterThanOrEqual(1);
    expect(n).toBeLessThanOrEqual(r.document.lineCount);
  }
  const ranges = [
    ...r.sections.map((s) => s.lines),
    ...r.assignments.map((a) => a.lines),
    ...r.budgetLines.map((b) => b.lines),
  ];
  for (const [first, last] of ranges) expect(first).toBeLessThanOrEqual(last);
}

describe('extraction contract', () => {
  it('docs/extraction.schema.json is generated from the zod contract (run `npm run schema`)', () => {
    expect(published).toEqual(JSON.parse(JSON.stringify(extractionJsonSchema())));
  });

  for (const key of Object.keys(SEED) as SeedKey[]) {
    it(`${SEED[key]} validates against the JSON Schema and points at real lines`, () => {
      checkResult(seed(key));
    });
  }

  it('the examples validate too', () => {
    for (const file of exampleFiles()) checkResult(extractText(readFileSync(file, 'utf8'), file));
  });

  it('the schema rejects a malformed result (the check can fail)', () => {
    const bad = JSON.parse(JSON.stringify(seed('tb2024')));
    bad.assignments = [{ id: 'TB2024-01' }];
    expect(validate(bad)).toBe(false);
  });
});
