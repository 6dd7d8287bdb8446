/**
 * Annual-report records: key-figure time series, reported figures, status notes, goal assessments.
 * Each reader works by layout, so a letter (which has none of these) yields nothing; see the modules in
 * annual-report/ for the layouts. The appropriation and artskonto reports are budget lines: see
 * budget/appropriation-report.ts.
 */
import type { GoalAssessment, KeyFigureSeries, ReportedFigure, StatusNote } from '../model/extraction.js';
import { goalAssessments } from './annual-report/goal-assessments.js';
import { keyFigureSeries } from './annual-report/key-figures.js';
import { reportedFigures } from './annual-report/reported-figures.js';
import { statusNotes } from './annual-report/status-notes.js';
import type { ExtractContext } from './context.js';

export function extractKeyFigureSeries(ctx: ExtractContext): KeyFigureSeries[] {
  return keyFigureSeries(ctx);
}

export function extractReportedFigures(ctx: ExtractContext): ReportedFigure[] {
  return reportedFigures(ctx);
}

export function extractStatusNotes(ctx: ExtractContext): StatusNote[] {
  return statusNotes(ctx);
}

export function extractGoalAssessments(ctx: ExtractContext): GoalAssessment[] {
  return goalAssessments(ctx);
}
