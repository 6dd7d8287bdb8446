/**
 * The main flow of the steering dialogue in the browser: the agency's case officer delivers an
 * assignment with an answer, the ministry's case officer accepts it, and a reader can change nothing
 * (no editing controls, and a forced POST is refused). Oversikt, Oppdrag and Oppdrag i detalj pass
 * axe (WCAG 2.1 AA) on desktop and at 320 px, reflow at 320 px, and leave screenshots.
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

const REF = 'TB2026-01';

async function statusText(page: Page): Promise<string> {
  return (await page.getByTestId('status').textContent()) ?? '';
}

async function checkScreen(page: Page, name: string) {
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, name);
}

describe('the steering dialogue in the browser', () => {
  it('the agency finds the assignment in the list and delivers it with an answer', async () => {
    const { context, page } = await newPage(browser);
    await login(page, demo.url, 'vir.saksbehandler', '/oppdrag');
    await page.getByRole('heading', { level: 1, name: 'Oppdrag' }).waitFor();
    await page.getByTestId('list-count').waitFor();
    await checkScreen(page, 'oppdrag-desktop');
    // The text filter reaches the URL (shareable) after the debounce.
    await page.getByLabel('Tekst eller ID').fill(REF);
    await page.waitForURL(/tekst=TB2026-01/);
    await page.getByRole('link', { name: REF, exact: true }).click();
    await page.waitForURL(new RegExp(`/oppdrag/${REF}`));
    await page.getByRole('heading', { level: 1 }).waitFor();
    // The source section renders with the assignment's data; wait for it rather than sample once.
    await page.getByRole('heading', { name: 'Kilde', exact: true }).waitFor();
    await checkScreen(page, 'oppdrag-detalj-desktop');

    // The ministry's buttons are not offered to the agency.
    expect(await page.getByRole('button', { name: 'Godkjenn levering' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Lever med svar' }).click();
    const form = page.getByRole('form', { name: 'Lever med svar' });
    // Submitting without an answer is stopped in the browser with a message on the field.
    await form.getByRole('button', { name: 'Lever med svar' }).click();
    await page.getByText('Skriv virksomhetens svar.').waitFor();
    await form
      .getByLabel('Virksomhetens svar')
      .fill('Rapporten er sendt i brev av 1. desember (ref. 26/123).');
    await form.getByLabel('Begrunnelse').fill('Levert som avtalt');
    await form.getByRole('button', { name: 'Lever med svar' }).click();
    await page.getByText('Status er endret til «Levert».').waitFor();
    expect(await statusText(page)).toContain('Levert');
    // Focus moved to the announcement.
    expect(await page.evaluate('document.activeElement?.textContent ?? ""')).toContain('Levert');
    expect(await page.getByTestId('thread').textContent()).toContain('ref. 26/123');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('the ministry accepts the delivery; the history names who did what', async () => {
    const { context, page } = await newPage(browser);
    await login(page, demo.url, 'dep.saksbehandler', `/oppdrag/${REF}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await statusText(page)).toContain('Levert');
    expect(await page.getByRole('button', { name: 'Lever med svar' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Godkjenn levering' }).click();
    const form = page.getByRole('form', { name: 'Godkjenn levering' });
    await form.getByLabel('Begrunnelse').fill('Svaret dekker oppdraget');
    await form.getByRole('button', { name: 'Godkjenn levering' }).click();
    await page.getByText('Status er endret til «Ferdig».').waitFor();
    expect(await statusText(page)).toContain('Ferdig');
    const history = (await page.getByTestId('history').textContent()) ?? '';
    expect(history).toContain('vir.saksbehandler');
    expect(history).toContain('dep.saksbehandler');
    // A final status offers no further workflow buttons.
    expect(await page.getByRole('button', { name: 'Godkjenn levering' }).count()).toBe(0);
    await context.close();
  });

  it('a case officer gives several assignments one owner from the list', async () => {
    const { context, page } = await newPage(browser);
    await login(page, demo.url, 'dep.saksbehandler', '/oppdrag?sorter=id');
    await page.getByTestId('list-count').waitFor();
    await page.getByLabel('Velg TB2026-02').check();
    await page.getByLabel('Velg TB2026-03').check();
    expect(await page.getByTestId('bulk-count').textContent()).toBe('2 oppdrag valgt');
    await page.getByLabel('Ny ansvarlig').fill('Kari Nordmann');
    await page.getByRole('button', { name: 'Sett ansvarlig for valgte' }).click();
    await page.getByText('Kari Nordmann er satt som ansvarlig for 2 oppdrag.').waitFor();
    await page.getByLabel('Ansvarlig', { exact: true }).fill('Kari');
    await page.waitForURL(/ansvarlig=Kari/);
    await page.getByText('Viser 2 av 2 oppdrag').waitFor();
    await context.close();
  });

  it('a reader sees no editing controls, and a forced change is refused', async () => {
    const { context, page } = await newPage(browser);
    await login(page, demo.url, 'dep.leser', '/oppdrag/TB2026-02');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByText('Du har lesetilgang og kan ikke endre oppdraget.').waitFor();
    expect(
      await page
        .getByRole('button')
        .filter({ hasText: /Godkjenn|Trekk|Lever|Lagre|Legg til/ })
        .count(),
    ).toBe(0);
    expect(await page.getByRole('textbox').count()).toBe(0);
    await page.goto(`${demo.url}/oppdrag`);
    await page.getByTestId('list-count').waitFor();
    expect(await page.getByRole('checkbox', { name: /^Velg/ }).count()).toBe(0);
    expect(await page.getByText('Endre valgte oppdrag').count()).toBe(0);
    const me = (await (await page.request.get(`${demo.url}/api/auth/me`)).json()) as { csrfToken: string };
    const forced = await page.request.post(`${demo.url}/api/use-cases/changeStatus`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { id: 'TB2026-02', status: 'trukket', reason: 'Forsøk' },
    });
    expect(forced.status()).toBe(403);
    const bulk = await page.request.post(`${demo.url}/api/use-cases/bulkSetOwner`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { ids: ['TB2026-02'], person: 'Forsøk' },
    });
    expect(bulk.status()).toBe(403);
    await context.close();
  });

  it('Oversikt shows status, departments, deadlines and documents, with the year in the URL', async () => {
    const { context, page } = await newPage(browser);
    await login(page, demo.url, 'dep.saksbehandler', '/');
    await page.getByTestId('card-total').waitFor();
    await page.getByRole('heading', { name: 'Oppdrag etter status' }).waitFor();
    await page.getByText('Status per avdeling').first().waitFor();
    await checkScreen(page, 'oversikt-desktop');
    await page.getByLabel('År', { exact: true }).selectOption('2026');
    await page.waitForURL(/aar=2026/);
    await page.getByText('Frister per måned i 2026').first().waitFor();
    await context.close();
  });

  it('all three screens pass axe and reflow at 320 px', async () => {
    const { context, page } = await newPage(browser, MOBILE);
    await login(page, demo.url, 'vir.saksbehandler', '/');
    await page.getByTestId('card-total').waitFor();
    expect(await reflows(page)).toBe(true);
    await checkScreen(page, 'oversikt-mobil');
    await page.goto(`${demo.url}/oppdrag`);
    await page.getByTestId('list-count').waitFor();
    expect(await reflows(page)).toBe(true);
    await checkScreen(page, 'oppdrag-mobil');
    await page.goto(`${demo.url}/oppdrag/${REF}`);
    await page.getByRole('heading', { name: 'Kilde', exact: true }).waitFor();
    expect(await reflows(page)).toBe(true);
    await checkScreen(page, 'oppdrag-detalj-mobil');
    await context.close();
  });
});
