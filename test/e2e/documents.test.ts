/**
 * Dokumenter: a case officer uploads a small fictional letter, sees the preview (counts, warnings with
 * their lines), imports it, and a changed copy shows the diff against the stored version; a reader gets
 * no upload control; an administrator removes a version. Axe and reflow on the screen.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
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
const LETTER = readFileSync(
  join(import.meta.dirname, 'fixtures', 'tildelingsbrev-2027-friluftsdirektoratet.txt'),
);
const CHANGED = Buffer.from(
  LETTER.toString('utf8')
    .replace('Kartlegge bynære turstier', 'Kartlegge bynære turstier og løyper')
    .replace(/Oppdrag TB2027-02[\s\S]*?Frist: 31\. febaruar 2027\.\n/, ''),
);

useDemoAndBrowser((d, b) => {
  demo = d;
  browser = b;
});

describe('Dokumenter', () => {
  it('previews, imports and diffs an upload; the administrator removes a version', async () => {
    const { context, page } = await newPage(browser);
    await login(page, demo.url, 'dep.saksbehandler', '/dokumenter');
    const input = page.getByLabel('Velg fil');
    await input.setInputFiles({ name: 'tb2027.txt', mimeType: 'text/plain', buffer: LETTER });
    const preview = page.getByTestId('forhandsvisning');
    await preview.waitFor();
    expect(
      await preview
        .getByRole('row', { name: /Oppdrag/ })
        .first()
        .textContent(),
    ).toMatch(/2/);
    expect(await preview.textContent()).toMatch(/Linje \d+/);
    expect(await preview.textContent()).toMatch(/Dokumentet er nytt i registeret/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'dokumenter-desktop');
    await page.getByRole('button', { name: 'Importer' }).click();
    await page.getByRole('heading', { name: 'Importert' }).waitFor();
    await page
      .getByRole('heading', { name: 'Tildelingsbrev til Friluftsdirektoratet for 2027', level: 3 })
      .waitFor();

    await input.setInputFiles({ name: 'tb2027-v2.txt', mimeType: 'text/plain', buffer: CHANGED });
    const diff = page.getByTestId('versjonsdiff');
    await diff.waitFor();
    expect(await diff.textContent()).toMatch(/TB2027-01.*endret: tittel/);
    expect(await diff.textContent()).toMatch(/ikke lenger står i dokumentet.*TB2027-02/);
    await page.getByRole('button', { name: 'Importer' }).click();
    await page.getByRole('heading', { name: 'Importert' }).waitFor();
    await context.close();

    const admin = await newPage(browser);
    await login(admin.page, demo.url, 'admin', '/dokumenter?ar=2027');
    const item = admin.page.getByTestId('dokument').filter({ hasText: '2027' });
    await item.getByText('2 versjoner').click();
    await item.getByRole('button', { name: 'Fjern versjon 2' }).click();
    await admin.page.getByLabel('Begrunnelse').fill('Feil fil lastet opp');
    await admin.page.getByRole('button', { name: 'Fjern versjonen' }).click();
    await admin.page.getByText('Versjon 2 av').waitFor();
    await admin.page.getByText('1 versjon', { exact: true }).waitFor();
    await admin.context.close();
  });

  it('gives a reader no upload control, and reflows at 320 px', async () => {
    const { context, page } = await newPage(browser, MOBILE);
    await login(page, demo.url, 'vir.leser', '/dokumenter');
    await page.getByTestId('dokument').first().waitFor();
    expect(await page.getByLabel('Velg fil').count()).toBe(0);
    expect(await reflows(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'dokumenter-mobil');
    await context.close();
  });
});
