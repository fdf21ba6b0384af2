// Debian's Chromium driven by playwright-core (never a downloaded browser), and axe-core checks.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from 'chai';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from './app.ts';
import { PASSWORD } from './factories.ts';

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error('Chromium not found: apt-get install -y chromium fonts-wqy-microhei (or set CHROMIUM_PATH)');
  return found;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS, headless: true });
}

/** A page in a context of its own (Chinese unless told) that adds every CSP violation the browser reports to `violations`. */
export async function watchedPage(browser: Browser, violations: string[], options: BrowserContextOptions = {}): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'zh-CN', ...options })).newPage();
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return page;
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** Runs axe-core (WCAG 2.0/2.1 A and AA) in the page; returns serious and critical violations. */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  // evaluate() is not subject to the page's CSP, so the strict policy stays on during the check.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The app and a browser for one describe block (`before`), closed again with closeAppInBrowser (`after`). */
export async function openAppInBrowser(options?: Parameters<typeof startTestApp>[0]): Promise<{ app: TestApp; browser: Browser }> {
  const app = await startTestApp(options);
  return { app, browser: await launchBrowser() };
}

export async function closeAppInBrowser(app: TestApp | undefined, browser: Browser | undefined): Promise<void> {
  await browser?.close();
  await app?.close();
}

/** Fills in and sends the sign-in form (whatever comes next: the signed-in page, a second step, an error). */
export async function submitSignIn(page: Page, baseUrl: string, email: string, password = PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.click('button[type="submit"]');
}

/** Signs in and waits until the header shows the signed-in user. */
export async function signInAs(page: Page, baseUrl: string, email: string, password = PASSWORD): Promise<void> {
  await submitSignIn(page, baseUrl, email, password);
  await page.waitForSelector('.account__user');
}

/** No serious or critical axe violation on the page as it is now; `where` names it in the failure. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  expect(await seriousAccessibilityViolations(page), where).to.deep.equal([]);
}
