/**
 * The version of the extraction contract, apart from its zod schemas (extraction.ts): the pipeline
 * stamps it on every result without loading a schema library, so `styr extract` starts fast.
 */
export const SCHEMA_VERSION = 2 as const;
