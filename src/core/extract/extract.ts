/**
 * The extraction pipeline: lines → document → sections → records → cross-checks → result.
 * Pure: takes text that an adapter has read, returns records and warnings; never throws on bad input.
 */
import type { DocumentInfo, ExtractionResult, Warning } from '../model/extraction.js';
import { SCHEMA_VERSION } from '../model/schema-version.js';
import { type Line, toLines } from '../text/lines.js';
import {
  extractGoalAssessments,
  extractKeyFigureSeries,
  extractReportedFigures,
  extractStatusNotes,
} from './annual-report.js';
import { extractAssignments } from './assignments.js';
import { extractAuthorisations } from './authorisations.js';
import { extractBudget } from './budget.js';
import { extractCalendar } from './calendar.js';
import { Diagnostics, type ExtractContext, Tally } from './context.js';
import { assessCoverage, emptyCoverage, type Records } from './coverage.js';
import { detectDocument } from './document.js';
import { extractGoals } from './goals.js';
import { findSections } from './sections.js';

export type SourceFormat = ExtractionResult['source']['format'];

export interface ExtractInput {
  /** File name shown in messages; never used to choose rules. */
  name: string;
  format: SourceFormat;
  /** Raw source lines, index 0 = line 1. */
  rawLines: readonly string[];
  /** sha256 of the original bytes, hex. */
  sha256: string;
  /** What the reader noticed while decoding (an encoding guess, replaced bytes); listed first. */
  readerWarnings?: readonly Warning[];
}

type Stage<T> = (ctx: ExtractContext) => T[];

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Run one stage; a bug in one stage must not cost the user the records of the others. */
function runStage<T>(name: string, stage: Stage<T>, ctx: ExtractContext): T[] {
  try {
    return stage(ctx);
  } catch (err) {
    ctx.warn('internal_error', `Trinnet «${name}» feilet: ${describe(err)}`, null);
    return [];
  }
}

/** Document facts when none could be read: every field unknown. */
export function unknownDocument(sha256: string, lineCount: number): DocumentInfo {
  return {
    type: 'ukjent',
    year: null,
    date: null,
    issuer: null,
    recipient: null,
    reference: null,
    title: null,
    sha256,
    lineCount,
    supplements: [],
  };
}

/** Lines cut out of flattened source lines (see text/flattened.ts): say so, once, at the first one. */
function warnFlattened(lines: readonly Line[], warn: ExtractContext['warn']): void {
  const cut = lines.filter((l) => l.flattened);
  if (cut.length === 0) return;
  const sources = new Set(cut.map((l) => l.no)).size;
  warn(
    'text_flattened',
    `Teksten mangler linjeskift (${sources} ${sources === 1 ? 'linje' : 'linjer'} med hele sider). Den er delt opp igjen ved nummererte overskrifter, oppdrags-ID-er og «Frist:», men tabeller og avsnitt kan være lest feil; bruk gjerne en utgave med linjeskift.`,
    cut[0]!.no,
  );
}

export function extractLines(input: ExtractInput, lines: readonly Line[]): ExtractionResult {
  const diag = new Diagnostics();
  for (const w of input.readerWarnings ?? []) diag.warn(w.code, w.message, w.line);
  let document: DocumentInfo;
  try {
    document = detectDocument(lines, input.sha256, input.rawLines.length, diag.warn);
  } catch (err) {
    diag.warn('internal_error', `Fant ikke dokumentopplysninger: ${describe(err)}`, null);
    document = unknownDocument(input.sha256, input.rawLines.length);
  }
  let sections: ExtractionResult['sections'] = [];
  try {
    sections = findSections(lines, diag.warn);
  } catch (err) {
    diag.warn('internal_error', `Fant ikke overskrifter: ${describe(err)}`, null);
  }
  const ctx: ExtractContext = {
    lines,
    year: document.year,
    document,
    sections,
    warn: diag.warn,
    tally: new Tally(),
  };
  if (lines.every((l) => l.text === ''))
    diag.warn('empty_document', 'Dokumentet inneholder ingen tekst.', null);
  warnFlattened(lines, diag.warn);
  const records: Records = {
    document,
    sections,
    goals: runStage('mål', extractGoals, ctx),
    assignments: runStage('oppdrag', extractAssignments, ctx),
    budgetLines: runStage('budsjett', extractBudget, ctx),
    authorisations: runStage('fullmakter', extractAuthorisations, ctx),
    calendar: runStage('kalender', extractCalendar, ctx),
    keyFigureSeries: runStage('nøkkeltall', extractKeyFigureSeries, ctx),
    reportedFigures: runStage('tall', extractReportedFigures, ctx),
    statusNotes: runStage('status', extractStatusNotes, ctx),
    goalAssessments: runStage('måloppnåelse', extractGoalAssessments, ctx),
  };
  let coverage = emptyCoverage();
  try {
    coverage = assessCoverage(ctx, records);
  } catch (err) {
    diag.warn('internal_error', `Trinnet «dekning» feilet: ${describe(err)}`, null);
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    source: { name: input.name, format: input.format },
    ...records,
    warnings: diag.warnings,
    coverage,
  };
}

export function extract(input: ExtractInput): ExtractionResult {
  return extractLines(input, toLines(input.rawLines));
}
