/**
 * The frame every screen shares: login, the user's role and organisation in the header, the skip link,
 * a protected screen sending a signed-out visitor to the login screen and back, and WCAG checks.
 */
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

useDemoAndBrowser((d, b) => {
  demo = d;
  browser = b;
});

describe('signing in and the frame', () => {
  it('sends a signed-out visitor to the login screen, then back to where they were going', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${demo.url}/`);
    await page.waitForURL(/\/logg-inn/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'innlogging-desktop');
    await login(page, demo.url, 'vir.saksbehandler');
    await expect(page.getByTestId('identity').textContent()).resolves.toMatch(
      /saksbehandler · .+ \(virksomhet\)/,
    );
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('tells a wrong password in Norwegian and moves focus to the message', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${demo.url}/logg-inn`);
    await page.getByLabel('Brukernavn').fill('vir.saksbehandler');
    await page.getByLabel('Passord').fill('feil-passord');
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Du er ikke logget inn/);
    await context.close();
  });

  it('offers a skip link as the first stop of the keyboard', async () => {
    const { context, page } = await newPage(browser);
    await login(page, demo.url, 'dep.leser');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate('document.activeElement?.textContent ?? ""');
    expect(focused).toBe('Hopp til hovedinnholdet');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement?.id')).toBe('hovedinnhold');
    await context.close();
  });

  it('reflows the login screen at 320 px', async () => {
    const { context, page } = await newPage(browser, MOBILE);
    await page.goto(`${demo.url}/logg-inn`);
    await page.getByLabel('Brukernavn').waitFor();
    expect(await reflows(page)).toBe(true);
    await screenshot(page, 'innlogging-mobil');
    await context.close();
  });
});
