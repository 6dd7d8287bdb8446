/**
 * A user without the exempt-access grant never sees a confidential assignment anywhere in the UI: a
 * fictional letter with an assignment «unntatt offentlighet» is imported, then dep.leser (no grant) visits
 * every route and searches for its ID and words; dep.saksbehandler (grant) finds it, so the test can fail.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoAndBrowser, login, newPage, type DemoServer } from './harness.js';
import { pageText, ROUTES, settled } from './routes.js';

const LETTER = 'tildelingsbrev-2027-unntatt.txt';
const SECRET_ID = 'TB2027-07';
const SECRET_WORDS = ['Gråtindvatnet', 'kongeørn', 'hekkeplass'];

let demo: DemoServer;
let browser: Browser;

useDemoAndBrowser(async (d, b) => {
  demo = d;
  browser = b;
  // Import the letter through the API with an administrator's session, as the upload screen does.
  const { context, page } = await newPage(browser);
  await login(page, demo.url, 'admin');
  const me = (await (await page.request.get(`${demo.url}/api/auth/me`)).json()) as { csrfToken: string };
  const res = await page.request.post(`${demo.url}/api/documents`, {
    headers: { 'x-csrf-token': me.csrfToken },
    multipart: {
      files: {
        name: LETTER,
        mimeType: 'text/plain',
        buffer: readFileSync(join(import.meta.dirname, 'fixtures', LETTER)),
      },
    },
  });
  expect(res.status(), await res.text()).toBeLessThan(300);
  await context.close();
});

/**
 * The visible text of a route; on the search screen only the hits, since the page rightly repeats the
 * searcher's own words («Ingen treff for «TB2027-07»») and the field keeps them.
 */
async function visibleText(page: Page, path: string): Promise<string> {
  await page.goto(`${demo.url}${path}`);
  await settled(page);
  if (!path.startsWith('/sok')) return pageText(page);
  const hits = await page.getByTestId('search-hit').allInnerTexts();
  return hits.join('\n');
}

const searches = [SECRET_ID, ...SECRET_WORDS].map((q) => `/sok?q=${encodeURIComponent(q)}`);

describe('confidential assignments', () => {
  it('never reach a reader without the exempt grant, on any route or search', async () => {
    const { context, page } = await newPage(browser);
    await login(page, demo.url, 'dep.leser');
    const paths = [
      ...ROUTES.filter((r) => !r.public).map((r) => r.visit),
      `/oppdrag/${SECRET_ID}`,
      `/oppdrag?tekst=${encodeURIComponent(SECRET_WORDS[0] ?? '')}`,
      ...searches,
    ];
    for (const path of paths) {
      let text = await visibleText(page, path);
      if (path === `/oppdrag/${SECRET_ID}`) {
        // The detail page repeats the ID the reader typed into the URL; the answer must be the same
        // «not found» a missing assignment gets, and nothing of the assignment itself.
        expect(text, path).toContain(`Fant ikke oppdraget «${SECRET_ID}»`);
        text = text.replaceAll(SECRET_ID, '');
      }
      expect(text, path).not.toContain(SECRET_ID);
      for (const w of SECRET_WORDS) expect(text.toLowerCase(), path).not.toContain(w.toLowerCase());
    }
    await context.close();
  }, 240_000);

  it('are found by a case officer with the grant (so the check above can fail)', async () => {
    const { context, page } = await newPage(browser);
    await login(page, demo.url, 'dep.saksbehandler');
    const text = await visibleText(page, `/sok?q=${encodeURIComponent('Gråtindvatnet')}`);
    expect(text).toContain(SECRET_ID);
    await context.close();
  }, 120_000);
});
