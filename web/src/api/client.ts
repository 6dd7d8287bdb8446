/**
 * The web app's only way to the server. Types come from the application layer itself (the use cases'
 * zod input schemas and their return types), so the browser and the server cannot drift apart: a
 * changed use case fails `npm run typecheck` here.
 */
import type { UseCaseInput, UseCaseName, UseCaseOutput } from '../../../src/app/app.js';
import type { ProblemJson } from '../../../src/app/errors.js';
import type { Principal } from '../../../src/app/principal.js';

export type { UseCaseInput, UseCaseName, UseCaseOutput, Principal };

export interface Me {
  principal: Principal;
  authVia: 'session' | 'token';
  csrfToken: string | null;
}

/** A refusal from the server, carrying its problem+json (Norwegian `title` and `detail`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Partial<ProblemJson>,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
}

let csrfToken: string | null = null;

/** Set from /api/auth/me and the login answer; sent on every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

async function problemOf(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => ({}));
  return new ApiError(
    res.status,
    typeof body === 'object' && body !== null ? (body as Partial<ProblemJson>) : {},
  );
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** JSON request to an API path; throws ApiError with the problem document on any non-2xx answer. */
export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  if (!res.ok) throw await problemOf(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** Runs one use case on the server, with the same input schema and output type as the CLI. */
export function callUseCase<N extends UseCaseName>(
  name: N,
  input: UseCaseInput<N>,
  signal?: AbortSignal,
): Promise<UseCaseOutput<N>> {
  return request<UseCaseOutput<N>>(`/api/use-cases/${name}`, {
    method: 'POST',
    body: input,
    ...(signal ? { signal } : {}),
  });
}

export async function fetchMe(): Promise<Me> {
  const me = await request<Me>('/api/auth/me');
  setCsrfToken(me.csrfToken);
  return me;
}

export async function login(username: string, password: string): Promise<Me> {
  const me = await request<Me>('/api/auth/login', { method: 'POST', body: { username, password } });
  setCsrfToken(me.csrfToken);
  return me;
}

export async function logout(): Promise<void> {
  await request<unknown>('/api/auth/logout', { method: 'POST' });
  setCsrfToken(null);
}

/**
 * Upload with progress: fetch cannot report upload progress, XMLHttpRequest can. Resolves with the
 * parsed JSON answer; rejects with ApiError like `request`.
 */
export function upload<T>(path: string, form: FormData, onProgress?: (fraction: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, { title: 'Fikk ikke kontakt med serveren.' }));
    xhr.onload = () => {
      let body: unknown = {};
      try {
        body = JSON.parse(xhr.responseText) as unknown;
      } catch {
        /* not JSON: keep the empty problem */
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(new ApiError(xhr.status, (body ?? {}) as Partial<ProblemJson>));
    };
    xhr.send(form);
  });
}
