/** JSON Schema (draft 2020-12) of the extraction contract, derived from the zod schemas. */
import { z } from 'zod';
import { ExtractionResult } from './extraction.js';

export function extractionJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ExtractionResult, { target: 'draft-2020-12' }),
    $id: 'https://styr.no/schema/extraction-v2.json',
    title: 'styr extraction result, schemaVersion 2',
  };
}
