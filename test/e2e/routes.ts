/**
 * Every route of the web app, in one table, for the cross-screen checks (accessibility, reflow,
 * screenshots, confidentiality). `routes.test.ts`-style guard: `routePathsInSource()` reads the paths from
 * web/src/screens/<screen>/route.tsx, so a new screen without a row here fails the accessibility test.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export interface AppRoute {
  /** Screenshot name: artifacts/screenshots/<name>-desktop.png and <name>-mobil.png. */
  name: string;
  /** The route's path pattern as the router declares it. */
  pattern: string;
  /** What to visit (pattern with parameters and a meaningful search filled in). */
  visit: string;
  /** Reachable without signing in. */
  public?: boolean;
  /** Who looks at it in the accessibility run (default dep.saksbehandler). */
  user?: string;
}

export const ROUTES: AppRoute[] = [
  { name: 'innlogging', pattern: '/logg-inn', visit: '/logg-inn', public: true },
  { name: 'tilgjengelighet', pattern: '/tilgjengelighet', visit: '/tilgjengelighet', public: true },
  { name: 'oversikt', pattern: '/', visit: '/' },
  { name: 'oppdrag', pattern: '/oppdrag', visit: '/oppdrag' },
  { name: 'oppdrag-detalj', pattern: '/oppdrag/$ref', visit: '/oppdrag/TB2026-01' },
  { name: 'dokumenter', pattern: '/dokumenter', visit: '/dokumenter' },
  { name: 'mal', pattern: '/mal', visit: '/mal' },
  { name: 'budsjett', pattern: '/budsjett', visit: '/budsjett' },
  { name: 'kalender', pattern: '/kalender', visit: '/kalender' },
  { name: 'sok', pattern: '/sok', visit: '/sok?q=tursti' },
  { name: 'statistikk', pattern: '/statistikk', visit: '/statistikk' },
  { name: 'brukere', pattern: '/brukere', visit: '/brukere', user: 'admin' },
];

/** The route paths declared in web/src/screens/<screen>/route.tsx (`path: '…'`). */
export function routePathsInSource(): string[] {
  const screens = join(import.meta.dirname, '..', '..', 'web', 'src', 'screens');
  return readdirSync(screens).flatMap((dir) => {
    const file = join(screens, dir, 'route.tsx');
    if (!existsSync(file)) return [];
    return [...readFileSync(file, 'utf8').matchAll(/\bpath:\s*'([^']+)'/g)].map((m) => m[1] ?? '');
  });
}

/** Waits until a screen has settled: its h1 is shown, the requests are done, no spinner is left. */
export async function settled(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ds-spinner')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
}

/** The page's visible text (as a user reads it). */
export async function pageText(page: Page): Promise<string> {
  return page.locator('body').innerText();
}
