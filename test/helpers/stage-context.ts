/**
 * Runs only the stages every record stage depends on (document, sections) on a text, so a test of one
 * stage does not depend on the others.
 */
import { Diagnostics, type ExtractContext } from '../../src/core/extract/context.js';
import { detectDocument } from '../../src/core/extract/document.js';
import { findSections } from '../../src/core/extract/sections.js';
import type { Warning } from '../../src/core/model/extraction.js';
import { splitRawLines, toLines } from '../../src/core/text/lines.js';

export interface StageContext {
  ctx: ExtractContext;
  /** Warnings of the section stage and of any stage later run on `ctx`. */
  warnings: Warning[];
}

export function stageContext(text: string): StageContext {
  const raw = splitRawLines(text);
  const lines = toLines(raw);
  const diag = new Diagnostics();
  const document = detectDocument(lines, '0'.repeat(64), raw.length, () => {});
  const ctx: ExtractContext = {
    lines,
    year: document.year,
    document,
    sections: findSections(lines, diag.warn),
    warn: diag.warn,
  };
  return { ctx, warnings: diag.warnings };
}
