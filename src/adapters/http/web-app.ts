/**
 * The web app's production build (web/dist) served at `/`: hashed assets with long caching, and every
 * other path that is not the API answered with index.html so the browser's router shows the screen
 * (shareable URLs such as /oppdrag?status=forfalt work on reload). Files are read once and kept.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context, Hono } from 'hono';
import type { HttpEnv } from './env.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Everything the page loads comes from this server; inline styles are allowed because chart and
 * component libraries set element styles, inline scripts are not.
 */
export const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** web/dist of this installation (the same from src/ under tsx and from dist/ when built). */
export function defaultWebRoot(): string {
  return fileURLToPath(new URL('../../../web/dist', import.meta.url));
}

const NOT_BUILT = `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>styr</title></head>
<body><main><h1>Nettappen er ikke bygget</h1><p>Kjør <code>npm run build</code> og start serveren på nytt.
API-et svarer likevel under <a href="/api/docs">/api/docs</a>.</p></main></body></html>`;

export function mountWebApp(app: Hono<HttpEnv>, webRoot: string): void {
  const root = resolve(webRoot);
  const cache = new Map<string, Uint8Array>();

  async function file(rel: string): Promise<Uint8Array | null> {
    const path = normalize(join(root, rel));
    if (path !== root && !path.startsWith(root + sep)) return null;
    const hit = cache.get(path);
    if (hit) return hit;
    const data = await readFile(path).catch(() => null);
    if (data) cache.set(path, new Uint8Array(data));
    return data ? new Uint8Array(data) : null;
  }

  const send = (c: Context<HttpEnv>, body: Uint8Array, type: string, cacheControl: string) => {
    c.header('content-type', type);
    c.header('cache-control', cacheControl);
    if (type.startsWith('text/html')) c.header('content-security-policy', WEB_CSP);
    return c.body(body as Uint8Array<ArrayBuffer>);
  };

  app.get('*', async (c, next) => {
    const path = c.req.path;
    if (path === '/api' || path.startsWith('/api/') || path === '/healthz' || path === '/readyz')
      return next();
    if (!existsSync(join(root, 'index.html'))) {
      c.header('content-security-policy', WEB_CSP);
      return c.html(NOT_BUILT, 503);
    }
    let rel: string;
    try {
      rel = decodeURIComponent(path);
    } catch {
      return next();
    }
    const ext = extname(rel);
    if (ext && ext !== '.html') {
      const body = await file(rel);
      if (!body) return next();
      const immutable = rel.startsWith('/assets/');
      return send(
        c,
        body,
        TYPES[ext] ?? 'application/octet-stream',
        immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    }
    const index = await file('index.html');
    if (!index) return next();
    return send(c, index, TYPES['.html']!, 'no-cache');
  });
}
