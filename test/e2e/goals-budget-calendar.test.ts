/**
 * Mål og styringsparametere, Budsjett and Kalender on the demo letters (Friluftsdirektoratet 2026):
 * each screen renders the letters' data, keeps its filters in the URL, and passes axe and the
 * 320 px reflow check.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  axeViolations,
  useDemoAndBrowser,
  login,
  MOBILE,
  newPage,
  reflows,
  screenshot,
  type DemoServer,
} from './harness.js';

let demo: DemoServer;
let browser: Browser;

useDemoAndBrowser((d, b) => {
  demo = d;
  browser = b;
});

async function checkMobile(path: string, ready: (page: Page) => Promise<void>, name: string) {
  const { context, page } = await newPage(browser, MOBILE);
  await login(page, demo.url, 'dep.leser', path);
  await ready(page);
  expect(await reflows(page)).toBe(true);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, `${name}-mobil`);
  await context.close();
}

describe('Mål og styringsparametere', () => {
  const ready = (page: Page) =>
    page.getByRole('heading', { name: /Mål 1: Flere bruker nærnaturen/ }).waitFor();

  it('shows the goal hierarchy of the year in the URL', async () => {
    const { context, page } = await newPage(browser);
    await login(page, demo.url, 'vir.leser', '/mal?ar=2026');
    await ready(page);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    await expect(page.getByTestId('mal-antall').textContent()).resolves.toBe('2 mål i 2026.');
    expect(await page.getByText('Antall kommuner med oppdatert friluftslivsplan').count()).toBe(1);
    await page.getByRole('heading', { name: 'Vurderingskriterier' }).first().waitFor();
    expect(await page.title()).toBe('Mål og styringsparametere 2026 – styr');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'mal-desktop');
    await context.close();
  });

  it('reflows at 320 px', () => checkMobile('/mal', ready, 'mal'));
});

describe('Budsjett', () => {
  const ready = (page: Page) =>
    page.getByRole('rowheader', { name: 'Driftsutgifter', exact: true }).waitFor();

  it('shows chapter/post with flags, earmarks, totals and the year-over-year chart', async () => {
    const { context, page } = await newPage(browser);
    await login(page, demo.url, 'dep.saksbehandler', '/budsjett');
    await ready(page);
    const row = page.getByRole('row', { name: /Spesielle driftsutgifter/ });
    expect(await row.textContent()).toMatch(/12\u00a0300\u00a0000\u00a0kr/);
    expect(await row.textContent()).toMatch(/Kan overføres/);
    expect(await page.getByRole('row', { name: /Sum utgifter/ }).textContent()).toMatch(
      /141\u00a0800\u00a0000\u00a0kr/,
    );
    await page.getByRole('heading', { name: 'År mot år' }).waitFor();
    await page.locator('figure.styr-chart').waitFor();
    await page.getByLabel('Budsjettår').selectOption('2026');
    await page.waitForURL(/ar=2026/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'budsjett-desktop');
    await context.close();
  });

  it('reflows at 320 px', () => checkMobile('/budsjett?ar=2026', ready, 'budsjett'));
});

describe('Kalender', () => {
  const june = '/kalender?ar=2026&maned=6';
  const ready = (page: Page) => page.getByText('Etatsstyringsmøte').first().waitFor();

  it('shows the steering calendar and deadlines in a month table and a list', async () => {
    const { context, page } = await newPage(browser);
    await login(page, demo.url, 'vir.saksbehandler', june);
    await ready(page);
    await page.getByRole('columnheader', { name: 'Mandag' }).waitFor();
    await page.getByRole('heading', { name: 'Juni 2026', level: 2 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'kalender-desktop');

    await page.getByRole('link', { name: 'Liste' }).click();
    await page.waitForURL(/visning=liste/);
    await page.getByRole('heading', { name: '1. juni 2026', level: 3 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Neste måned' }).click();
    await page.waitForURL(/maned=7/);
    await page.getByRole('button', { name: 'Forrige måned' }).click();
    await page.waitForURL(/maned=6/);

    // 30 June holds TB2026-03 (2. kvartal): the deadline links to the assignment's own page.
    const link = page.getByRole('link', { name: 'TB2026-03' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('/oppdrag/TB2026-03');
    await context.close();
  });

  it('reflows at 320 px', () => checkMobile(june, ready, 'kalender'));
});
