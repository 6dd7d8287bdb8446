/**
 * Flows of Søk, Statistikk, Brukere og tilganger and the login providers: the URL carries the filters,
 * results take focus, charts carry their numbers, an administrator creates and edits a user, a reader
 * gets no administration. axe on the states the accessibility run does not reach (results, dialog).
 */
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, useDemoAndBrowser, login, newPage, type DemoServer } from './harness.js';
import { pageText, settled } from './routes.js';

let demo: DemoServer;
let browser: Browser;

useDemoAndBrowser((d, b) => {
  demo = d;
  browser = b;
});

describe('Søk', () => {
  it('searches, puts the query in the URL, highlights hits and moves focus to the results', async () => {
    const { context, page } = await newPage(browser);
    await login(page, demo.url, 'dep.saksbehandler', '/sok');
    await settled(page);
    await page.getByLabel('Søkeord').fill('tursti');
    await page.getByLabel('År').fill('2026');
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await page.waitForURL(/q=tursti.*year=2026|year=2026.*q=tursti/);
    await page.getByTestId('search-hit').first().waitFor();
    expect(await page.locator('mark').count()).toBeGreaterThan(0);
    await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('sok-treff');
    expect(await page.getByTestId('search-status').innerText()).toMatch(/treff for «tursti»/);
    expect(await axeViolations(page)).toEqual([]);
    // The URL is shareable: a reload shows the same search.
    await page.reload();
    await page.getByTestId('search-hit').first().waitFor();
    expect(await page.getByLabel('Søkeord').inputValue()).toBe('tursti');
    await context.close();
  });
});

describe('Statistikk', () => {
  it('shows charts with their numbers and filters by document type in the URL', async () => {
    const { context, page } = await newPage(browser);
    await login(page, demo.url, 'dep.leser', '/statistikk');
    await settled(page);
    expect(await page.locator('figure.styr-chart').count()).toBe(3);
    expect(await page.getByTestId('stats-table').locator('tbody tr').count()).toBe(2);
    await page.getByLabel('Dokumenttype').selectOption('tildelingsbrev');
    await page.waitForURL(/type=tildelingsbrev/);
    await expect.poll(() => page.getByTestId('stats-table').locator('tbody tr').count()).toBe(1);
    await context.close();
  });
});

describe('Brukere og tilganger', () => {
  it('lets an administrator create a user and change roles, grant and status', async () => {
    const { context, page } = await newPage(browser);
    await login(page, demo.url, 'admin', '/brukere');
    await settled(page);
    await page.getByText('Ny bruker').click();
    await page.getByLabel('Brukernavn', { exact: true }).fill('test.leser');
    await page.getByLabel('Navn', { exact: true }).first().fill('Test Leser');
    await page
      .getByLabel('Organisasjon', { exact: true })
      .selectOption({ label: 'Friluftsdirektoratet (Virksomhet)' });
    await page.getByLabel('Passord').fill('et-langt-passord-123');
    await page.getByRole('button', { name: 'Opprett bruker' }).click();
    const notice = page.getByTestId('notice');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('Brukeren test.leser er opprettet.');
    await page.getByRole('button', { name: 'Endre test.leser' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByLabel('Saksbehandler').check();
    await dialog.getByLabel('Deaktivert (kan ikke logge inn)').check();
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await expect.poll(() => notice.innerText()).toContain('Brukeren test.leser er endret.');
    const row = page.getByRole('row', { name: /test\.leser/ });
    await expect.poll(() => row.innerText()).toMatch(/Saksbehandler[\s\S]*Deaktivert/);
    await context.close();
  });

  it('gives a reader no administration, and no OIDC button without a provider', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${demo.url}/logg-inn`);
    await page.getByLabel('Brukernavn').waitFor();
    expect(await page.getByTestId('oidc-login').count()).toBe(0);
    await login(page, demo.url, 'dep.leser', '/brukere');
    await settled(page);
    expect(await pageText(page)).toContain('Bare administratorer kan administrere brukere.');
    expect(await page.getByRole('link', { name: 'Brukere og tilganger' }).count()).toBe(0);
    await context.close();
  });
});
