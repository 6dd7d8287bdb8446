/**
 * A client for the Kudos archive API. Kudos stops answering after bursts (no 429), so every request
 * waits its turn (about one a second, STYR_KUDOS_INTERVAL_MS), has a timeout, and is retried with
 * exponential backoff after a timeout, a reset connection or a 5xx. Answers are validated with zod.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { z } from 'zod';
import { KudosContents, KudosDocument, KudosPage } from './schemas.js';

export const DEFAULT_KUDOS_URL = 'https://kudos.dfo.no/api/v0';

export interface KudosQuery {
  type?: string;
  ministry?: string;
  from?: number;
  to?: number;
}

export interface KudosClientOptions {
  baseUrl: string;
  /** Minimum time between the starts of two requests. */
  intervalMs?: number;
  timeoutMs?: number;
  /** Attempts after the first one. */
  retries?: number;
  /** First backoff; doubled after each failed attempt, at most a minute. */
  backoffMs?: number;
  /** Largest answer accepted; a document's text is seldom over a few megabytes. */
  maxBytes?: number;
}

export class KudosError extends Error {
  constructor(
    message: string,
    /** A retry could succeed (timeout, reset, 5xx). */
    readonly transient: boolean,
  ) {
    super(message);
  }
}

export function kudosOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): KudosClientOptions {
  const num = (v: string | undefined, d: number) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : d);
  return {
    baseUrl: env.STYR_KUDOS_URL || DEFAULT_KUDOS_URL,
    intervalMs: num(env.STYR_KUDOS_INTERVAL_MS, 1000),
    timeoutMs: num(env.STYR_KUDOS_TIMEOUT_MS, 30_000),
    retries: num(env.STYR_KUDOS_RETRIES, 5),
  };
}

export class KudosClient {
  private turn: Promise<void> = Promise.resolve();
  private nextAt = 0;
  readonly baseUrl: string;

  constructor(private readonly o: KudosClientOptions) {
    this.baseUrl = o.baseUrl.replace(/\/+$/, '');
  }

  /** Newest first, `per_page` 50 (the most Kudos gives). */
  listDocuments(q: KudosQuery, page: number): Promise<KudosPage> {
    const p = new URLSearchParams({ page: String(page), per_page: '50', sort: '-publish_date' });
    if (q.type) p.set('type', q.type);
    if (q.ministry) p.set('ministry', q.ministry);
    if (q.from !== undefined) p.set('concerned_year_from', String(q.from));
    if (q.to !== undefined) p.set('concerned_year_to', String(q.to));
    return this.get(`/documents?${p.toString()}`, KudosPage);
  }

  async document(uuid: string): Promise<KudosDocument> {
    return (await this.get(`/documents/${encodeURIComponent(uuid)}`, KudosDocument)).data;
  }

  async contents(uuid: string): Promise<string> {
    return (await this.get(`/documents/${encodeURIComponent(uuid)}/contents`, KudosContents)).data;
  }

  documentUrl(uuid: string): string {
    return `${this.baseUrl}/documents/${encodeURIComponent(uuid)}`;
  }

  private async get<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
    const retries = this.o.retries ?? 5;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(path, schema);
      } catch (e) {
        const err = e instanceof KudosError ? e : new KudosError(String(e), true);
        if (!err.transient || attempt >= retries) throw err;
        await sleep(Math.min(60_000, (this.o.backoffMs ?? 2000) * 2 ** attempt));
      }
    }
  }

  /** Requests take turns, so concurrent callers together stay under the interval. */
  private async waitTurn(): Promise<void> {
    const mine = this.turn.then(async () => {
      const wait = this.nextAt - Date.now();
      if (wait > 0) await sleep(wait);
      this.nextAt = Date.now() + (this.o.intervalMs ?? 1000);
    });
    this.turn = mine.catch(() => {});
    await mine;
  }

  private async once<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
    await this.waitTurn();
    const url = `${this.baseUrl}${path}`;
    let res: Response;
    let body: string;
    try {
      res = await fetch(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.o.timeoutMs ?? 30_000),
      });
      body = await readBounded(res, this.o.maxBytes ?? 20 * 2 ** 20);
    } catch (e) {
      if (e instanceof KudosError) throw e;
      const timeout = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
      throw new KudosError(
        timeout ? `Kudos svarte ikke i tide (${url}).` : `Fikk ikke kontakt med Kudos (${url}).`,
        true,
      );
    }
    if (res.status >= 500 || res.status === 429)
      throw new KudosError(`Kudos svarte ${res.status} (${url}).`, true);
    if (!res.ok) throw new KudosError(`Kudos svarte ${res.status} (${url}).`, false);
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw new KudosError(`Kudos svarte med noe som ikke er JSON (${url}).`, false);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      throw new KudosError(
        `Uventet svar fra Kudos (${url}): ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`.trim(),
        false,
      );
    return parsed.data;
  }
}

async function readBounded(res: Response, max: number): Promise<string> {
  if (!res.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += chunk.byteLength;
    if (size > max) throw new KudosError(`Svaret fra Kudos er større enn ${max} byte.`, false);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
