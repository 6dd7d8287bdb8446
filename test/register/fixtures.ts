/** Small hand-made extraction results for register tests (the contract in src/core/model/extraction.ts). */
import { createHash } from 'node:crypto';
import { emptyCoverage } from '../../src/core/extract/coverage.js';
import {
  type Assignment,
  type BudgetLine,
  type Deadline,
  type ExtractionResult,
  type Goal,
  SCHEMA_VERSION,
} from '../../src/core/model/extraction.js';

export function deadline(
  date: string | null,
  text = `Frist: ${date ?? 'avklares'}`,
  part: string | null = null,
): Deadline {
  return { date, precision: date ? 'day' : 'none', text, part, line: 10 };
}

export function assignment(id: string, over: Partial<Assignment> = {}): Assignment {
  return {
    id,
    otherIds: [],
    synthetic: false,
    kind: 'new',
    departments: ['FHA'],
    title: `Oppdrag ${id}`,
    body: `Helsedirektoratet skal følge opp ${id}.`,
    section: '3.1',
    deadlines: [],
    parts: [],
    references: [],
    statusText: null,
    confidential: false,
    lines: [10, 12],
    ...over,
  };
}

export function goal(number: string, title: string, over: Partial<Goal> = {}): Goal {
  return {
    number,
    title,
    section: '2',
    criteria: [],
    steeringParameters: [],
    keyFigures: [],
    lines: [5, 8],
    ...over,
  };
}

export function budgetLine(
  chapter: string,
  post: string,
  amount: number,
  over: Partial<BudgetLine> = {},
): BudgetLine {
  return {
    chapter,
    post,
    name: `Post ${post}`,
    columns: ['Tildeling'],
    amounts: [amount],
    flags: [],
    usableUnderPosts: [],
    comment: null,
    earmarks: [],
    table: 'Tabell 5.1',
    lines: [40, 40],
    ...over,
  };
}

export interface LetterSpec {
  year: number;
  type?: ExtractionResult['document']['type'];
  date?: string | null;
  reference?: string | null;
  assignments?: Assignment[];
  goals?: Goal[];
  budgetLines?: BudgetLine[];
  recipient?: string;
  /** Changes the bytes (and so the sha256) without changing any record. */
  revision?: string;
}

export function letter(spec: LetterSpec): ExtractionResult {
  const body = {
    schemaVersion: SCHEMA_VERSION,
    source: { name: `tb${spec.year}${spec.revision ?? ''}.txt`, format: 'txt' as const },
    sections: [{ number: '3', title: 'Oppdrag', level: 1, lines: [9, 200] as [number, number] }],
    goals: spec.goals ?? [],
    assignments: spec.assignments ?? [],
    budgetLines: spec.budgetLines ?? [],
    authorisations: [],
    calendar: [
      {
        date: `${spec.year}-03-15`,
        time: null,
        text: 'Årsrapport',
        note: null,
        lines: [300, 300] as [number, number],
      },
    ],
    keyFigureSeries: [],
    reportedFigures: [],
    statusNotes: [],
    goalAssessments: [],
    warnings: [{ code: 'test_warning', message: 'Et varsel', line: 3 }],
    coverage: emptyCoverage(),
  };
  const sha256 = createHash('sha256')
    .update(JSON.stringify(body) + (spec.revision ?? ''))
    .digest('hex');
  return {
    ...body,
    document: {
      type: spec.type ?? 'tildelingsbrev',
      year: spec.year,
      date: spec.date === undefined ? `${spec.year}-01-20` : spec.date,
      issuer: 'Helse- og omsorgsdepartementet',
      recipient: spec.recipient ?? 'Helsedirektoratet',
      reference: spec.reference ?? null,
      title: `Tildelingsbrev ${spec.year}`,
      sha256,
      lineCount: 400,
      supplements: [],
    },
  };
}
