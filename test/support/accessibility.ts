import type { Browser, BrowserContextOptions } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

/**
 * The axe-core rule ids a page violates (WCAG 2.1 A and AA). Axe runs inside the page, so this opens its own
 * JavaScript-enabled context even when the journey under test runs without JavaScript; pass the journey's
 * cookies to check pages behind sign-in.
 */
export async function axeViolations(browser: Browser, url: string, options: BrowserContextOptions = {}): Promise<string[]> {
  const context = await browser.newContext({ ...options, javaScriptEnabled: true });
  try {
    const page = await context.newPage();
    await page.goto(url);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  } finally {
    await context.close();
  }
}
