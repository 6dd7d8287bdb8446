/**
 * What every extraction stage receives: the logical lines, what earlier stages found, and a warning sink.
 * Stages are pure functions of their context; diagnostics are values, not exceptions.
 */
import type { DocumentInfo, Section, Warning } from '../model/extraction.js';
import type { Line } from '../text/lines.js';

export interface ExtractContext {
  readonly lines: readonly Line[];
  /** The year the document is for; used to complete dates printed without a year. */
  readonly year: number | null;
  readonly document: DocumentInfo;
  readonly sections: readonly Section[];
  warn(code: string, message: string, line: number | null): void;
}

export class Diagnostics {
  readonly warnings: Warning[] = [];
  warn = (code: string, message: string, line: number | null): void => {
    this.warnings.push({ code, message, line });
  };
}

/** The section (deepest numbered heading) that contains a source line, or null. */
export function sectionAt(sections: readonly Section[], line: number): Section | null {
  let best: Section | null = null;
  for (const s of sections) {
    if (s.lines[0] <= line && line <= s.lines[1] && (!best || s.level >= best.level)) best = s;
  }
  return best;
}
