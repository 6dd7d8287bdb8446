/** Test access to the seed documents in ../shared/seeds and the examples; read once, extracted once. */

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTextLines } from '../../src/adapters/readers/text.js';
import { extract } from '../../src/core/extract/extract.js';
import type { ExtractionResult } from '../../src/core/model/extraction.js';

export const SEEDS_DIR = join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds');
export const EXAMPLES_DIR = join(import.meta.dirname, '..', '..', 'examples');

/** Seeds are addressed by their document, never by rules inside the code. */
export const SEED = {
  tb2024: '000_3618797248de71de.txt',
  tb2022: '001_595c027574c5148c.txt',
  ar2023: '002_ac6af9d6cceb61dd.txt',
  tb2025: '003_8d4a857d2773e53a.txt',
  tb2014: '004_2ca8fea28e584fb4.txt',
} as const;
export type SeedKey = keyof typeof SEED;

export function seedText(key: SeedKey): string {
  return readFileSync(join(SEEDS_DIR, SEED[key]), 'utf8');
}

export function extractText(text: string, name = 'test.txt'): ExtractionResult {
  const bytes = new TextEncoder().encode(text);
  return extract({
    name,
    format: 'txt',
    rawLines: readTextLines(bytes, name),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  });
}

const cache = new Map<string, ExtractionResult>();
/**
 * A seed's extraction, extracted once per worker. Each caller gets its own copy: test files share a
 * module graph (vitest `isolate: false`), so a test that changed the cached object would change what
 * every later test in that worker sees.
 */
export function seed(key: SeedKey): ExtractionResult {
  let r = cache.get(key);
  if (!r) {
    r = extractText(seedText(key), SEED[key]);
    cache.set(key, r);
  }
  return structuredClone(r);
}

export function exampleFiles(): string[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((n) => n.endsWith('.txt'))
    .map((n) => join(EXAMPLES_DIR, n));
}
