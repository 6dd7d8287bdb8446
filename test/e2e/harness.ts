/**
 * End-to-end harness: the real `styr demo` (example letters imported into a temporary data folder, the
 * demo logins, `styr serve` with the built web app) on a free loopback port, and Debian's Chromium
 * driven by playwright-core. Never downloads a browser: CHROMIUM (default /usr/bin/chromium) must exist.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { runDemo } from '../../src/adapters/cli/register/demo.js';
import { DEMO_PASSWORD } from '../../src/adapters/cli/register/demo-accounts.js';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
/** Where the e2e run leaves its screenshots (CI artefacts; named in the README). */
export const SCREENSHOT_DIR = join(import.meta.dirname, '..', '..', 'artifacts', 'screenshots');

/** Flags for a closed network: without them Chromium keeps dialling Google's hosts and is refused. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface DemoServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startDemo(): Promise<DemoServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'styr-e2e-'));
  let stopServer!: () => void;
  const stopped = new Promise<void>((r) => (stopServer = r));
  let done!: Promise<number>;
  const url = await new Promise<string>((resolve, reject) => {
    done = runDemo({
      dataDir,
      port: 0,
      out: () => undefined,
      until: (u) => {
        resolve(u);
        return stopped;
      },
    });
    done.catch(reject);
  });
  return {
    url,
    dataDir,
    async stop() {
      stopServer();
      await done;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * One demo server and one browser for a test file: started together before its tests, handed to
 * `ready` (which may prepare data through them), and stopped after the file.
 */
export function useDemoAndBrowser(ready: (demo: DemoServer, browser: Browser) => void | Promise<void>): void {
  let demo: DemoServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [demo, browser] = await Promise.all([startDemo(), launchBrowser()]);
    await ready(demo, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
  });
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export const DESKTOP = { width: 1280, height: 900 };
export const MOBILE = { width: 320, height: 720 };

export async function newPage(
  browser: Browser,
  viewport = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
  const page = await context.newPage();
  return { context, page };
}

/** Signs in through the login screen as a person would, and waits for the signed-in frame. */
export async function login(page: Page, baseUrl: string, username: string, next = '/'): Promise<void> {
  await page.goto(`${baseUrl}/logg-inn?neste=${encodeURIComponent(next)}`);
  await page.getByLabel('Brukernavn').fill(username);
  await page.getByLabel('Passord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
  await page.getByTestId('identity').waitFor();
}

/** axe-core with the WCAG 2.1 A and AA rules; returns the violations (the tests expect none). */
export async function axeViolations(page: Page): Promise<{ id: string; help: string; nodes: string[] }[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations.map((v) => ({
    id: v.id,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')),
  }));
}

/** True when the page needs no horizontal scrolling at its current width (WCAG 1.4.10 reflow). */
export async function reflows(page: Page): Promise<boolean> {
  // A string, so the test code needs no DOM typings: it runs in the page.
  return (await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')) === true;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
