import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Real Chromium: Debian's when installed, else the one shipped inside the @sparticuz/chromium npm package. */
export async function launchBrowser(): Promise<Browser> {
  const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
  if (existsSync('/usr/bin/chromium')) return chromium.launch({ executablePath: '/usr/bin/chromium', args, headless: true });
  const { default: bundled } = await import('@sparticuz/chromium');
  // Its Lambda defaults run the browser as one process, which dies when a test closes its last context.
  const bundledArgs = bundled.args.filter((a) => a !== '--single-process');
  return chromium.launch({ executablePath: await bundled.executablePath(), args: [...bundledArgs, '--disable-background-networking'], headless: true });
}
