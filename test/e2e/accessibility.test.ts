/**
 * Every route in the app (test/e2e/routes.ts): axe-core WCAG 2.1 A/AA → no violations, reflow without
 * horizontal scrolling at 320 px, a screenshot at desktop and mobile width, every chart with a text
 * alternative; and a keyboard-only walk through the main flow (skip link, menu, a screen, visible focus,
 * no trap).
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  axeViolations,
  DESKTOP,
  useDemoAndBrowser,
  login,
  MOBILE,
  newPage,
  reflows,
  screenshot,
  type DemoServer,
} from './harness.js';
import { type AppRoute, ROUTES, routePathsInSource, settled } from './routes.js';

let demo: DemoServer;
let browser: Browser;

useDemoAndBrowser((d, b) => {
  demo = d;
  browser = b;
});

/** Charts are figures whose picture (role="img") carries a one-line summary and a table follows. */
async function chartsHaveTextAlternatives(page: Page): Promise<boolean> {
  return (
    (await page.evaluate(`[...document.querySelectorAll('figure.styr-chart')].every((f) => {
    const img = f.querySelector('[role="img"]');
    return !!img && (img.getAttribute('aria-label') ?? '').trim().length > 10 && !!f.querySelector('table th');
  })`)) === true
  );
}

async function check(page: Page, route: AppRoute, width: 'desktop' | 'mobil') {
  await page.setViewportSize(width === 'desktop' ? DESKTOP : MOBILE);
  await page.goto(`${demo.url}${route.visit}`);
  await settled(page);
  expect(await page.locator('h1').count(), `${route.name}: one h1`).toBe(1);
  expect(await axeViolations(page), `${route.name} (${width})`).toEqual([]);
  if (width === 'mobil') expect(await reflows(page), `${route.name} reflows at 320 px`).toBe(true);
  expect(await chartsHaveTextAlternatives(page), `${route.name}: charts have text`).toBe(true);
  await screenshot(page, `${route.name}-${width}`);
}

describe('every screen', () => {
  it('lists every route the app declares', () => {
    expect(ROUTES.map((r) => r.pattern).sort()).toEqual(routePathsInSource().sort());
  });

  it('signed out: the public screens pass axe, reflow at 320 px and are photographed', async () => {
    const { context, page } = await newPage(browser);
    for (const route of ROUTES.filter((r) => r.public))
      for (const width of ['desktop', 'mobil'] as const) await check(page, route, width);
    await context.close();
  });

  for (const user of [...new Set(ROUTES.filter((r) => !r.public).map((r) => r.user ?? 'dep.saksbehandler'))])
    it(`as ${user}: every screen passes axe, reflows at 320 px and is photographed`, async () => {
      const { context, page } = await newPage(browser);
      await login(page, demo.url, user);
      for (const route of ROUTES.filter((r) => !r.public && (r.user ?? 'dep.saksbehandler') === user))
        for (const width of ['desktop', 'mobil'] as const) await check(page, route, width);
      await context.close();
    }, 240_000);
});

/** The focused element: its text, and whether a focus indicator (outline or box-shadow) is drawn. */
async function focused(page: Page): Promise<{ text: string; tag: string; visible: boolean; href: string }> {
  return (await page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { text: '', tag: 'BODY', visible: false, href: '' };
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    const shadow = s.boxShadow !== 'none' && s.boxShadow !== '';
    return { text: (el.textContent ?? '').trim(), tag: el.tagName, visible: outline || shadow, href: el.getAttribute('href') ?? '' };
  })()`)) as { text: string; tag: string; visible: boolean; href: string };
}

describe('keyboard only', () => {
  it('walks from the skip link through the menu to a screen, focus always visible, no trap', async () => {
    const { context, page } = await newPage(browser);
    await login(page, demo.url, 'dep.saksbehandler');
    await settled(page);

    await page.keyboard.press('Tab');
    const skip = await focused(page);
    expect(skip.text).toBe('Hopp til hovedinnholdet');
    expect(skip.visible).toBe(true);

    // Tab through the header into the main menu until «Søk», every stop with a visible focus indicator.
    let stop = skip;
    for (let i = 0; i < 30 && stop.href !== '/sok'; i++) {
      await page.keyboard.press('Tab');
      stop = await focused(page);
      expect(stop.visible, `focus visible on ${stop.tag} «${stop.text}»`).toBe(true);
    }
    expect(stop.href).toBe('/sok');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/sok$/);
    await settled(page);

    // Into the screen: the search field, type, submit with Enter, and the results take focus.
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate('document.activeElement?.getAttribute("name")')) === 'q') break;
    }
    expect(await page.evaluate('document.activeElement?.getAttribute("name")')).toBe('q');
    expect((await focused(page)).visible).toBe(true);
    await page.keyboard.type('tursti');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=tursti/);
    await page.getByTestId('search-hit').first().waitFor();
    await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('sok-treff');

    // No trap: Tab keeps moving and reaches the footer's statement link.
    const seen = new Set<string>();
    let reachedFooter = false;
    for (let i = 0; i < 80 && !reachedFooter; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      seen.add(`${f.tag}|${f.text}|${f.href}`);
      if (f.tag !== 'BODY') expect(f.visible, `focus visible on ${f.tag} «${f.text}»`).toBe(true);
      reachedFooter = f.href === '/tilgjengelighet';
    }
    expect(reachedFooter).toBe(true);
    expect(seen.size).toBeGreaterThan(1);
    await context.close();
  }, 120_000);
});
