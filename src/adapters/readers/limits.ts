/**
 * Limits on what one input may cost to read, so a hostile or broken file (a zip bomb, a FIFO,
 * /dev/zero, 12 MB of nested tags) is refused in bounded time and memory instead of exhausting the
 * machine. Defaults suit real letters with a wide margin; each can be raised by an environment variable.
 */
import { ReadError } from './errors.js';

export interface ReadLimits {
  /** Largest file read, in bytes. */
  maxFileBytes: number;
  /** Largest total the XML parts of a DOCX may inflate to, in bytes, counted while inflating. */
  maxInflatedBytes: number;
  maxPdfPages: number;
  maxHtmlDepth: number;
  maxHtmlElements: number;
  /** Wall-clock budget for reading one document, in milliseconds. */
  timeBudgetMs: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 50 * MB,
  maxInflatedBytes: 30 * MB,
  maxPdfPages: 2000,
  maxHtmlDepth: 200,
  maxHtmlElements: 500_000,
  timeBudgetMs: 120_000,
};

/**
 * Environment variable → limit, with the unit the variable is given in and its ceiling. A file is
 * decoded into one JavaScript string, which V8 caps at about 512 M characters: 400 MB keeps clear of it.
 */
const ENV: readonly { env: string; key: keyof ReadLimits; unit: number; max: number }[] = [
  { env: 'STYR_MAX_FILE_MB', key: 'maxFileBytes', unit: MB, max: 400 },
  { env: 'STYR_MAX_INFLATED_MB', key: 'maxInflatedBytes', unit: MB, max: 2000 },
  { env: 'STYR_MAX_PAGES', key: 'maxPdfPages', unit: 1, max: 100_000 },
  { env: 'STYR_MAX_HTML_DEPTH', key: 'maxHtmlDepth', unit: 1, max: 100_000 },
  { env: 'STYR_MAX_HTML_ELEMENTS', key: 'maxHtmlElements', unit: 1, max: 100_000_000 },
  { env: 'STYR_TIME_LIMIT_S', key: 'timeBudgetMs', unit: 1000, max: 86_400 },
];

/** The limits in force: defaults, overridden by the STYR_MAX_* / STYR_TIME_LIMIT_S variables. */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): ReadLimits {
  const out = { ...DEFAULT_LIMITS };
  for (const { env: name, key, unit, max } of ENV) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') continue;
    // Number() as zod's coerce reads it; no schema library, since reading a text letter must start fast.
    const parsed = Number(raw.trim());
    if (!Number.isInteger(parsed) || parsed < 1 || parsed > max)
      throw new ReadError(
        'invalid_limit',
        `Ugyldig verdi for ${name}: «${raw}». Bruk et helt tall fra 1 til ${max}.`,
      );
    out[key] = parsed * unit;
  }
  return out;
}

/** "50 MB", "2 000 sider": a limit the way messages name it. */
export function megabytes(bytes: number): string {
  return `${Math.round((bytes / MB) * 10) / 10} MB`;
}

/** A running clock for one document; readers call `check` between pages, elements or entries. */
export class TimeBudget {
  private readonly end: number;
  constructor(
    private readonly name: string,
    private readonly ms: number,
    start = Date.now(),
  ) {
    this.end = start + ms;
  }

  check(): void {
    const seconds = Math.round(this.ms / 1000);
    if (Date.now() > this.end)
      throw new ReadError(
        'time_limit',
        `${this.name}: lesingen tok lengre enn tidsgrensen på ${seconds} ${seconds === 1 ? 'sekund' : 'sekunder'} (STYR_TIME_LIMIT_S). Filen er trolig skadet eller unormalt bygget; lagre den på nytt eller del den opp.`,
      );
  }
}
