/** Annual-report records: key-figure time series, reported figures, status notes, goal assessments. */
import type { GoalAssessment, KeyFigureSeries, ReportedFigure, StatusNote } from '../model/extraction.js';
import type { ExtractContext } from './context.js';

export function extractKeyFigureSeries(ctx: ExtractContext): KeyFigureSeries[] {
  void ctx;
  return [];
}

export function extractReportedFigures(ctx: ExtractContext): ReportedFigure[] {
  void ctx;
  return [];
}

export function extractStatusNotes(ctx: ExtractContext): StatusNote[] {
  void ctx;
  return [];
}

export function extractGoalAssessments(ctx: ExtractContext): GoalAssessment[] {
  void ctx;
  return [];
}
