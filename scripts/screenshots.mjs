#!/usr/bin/env node
// The README's screenshots of the demo, light and dark, in headless Chromium:
//   npm run demo            (in another terminal; PORT / API_PORT as there)
//   node scripts/screenshots.mjs [--url http://localhost:5173] [--out docs/screenshots]
// Dark shows the pivot menu open on a malicious sender (in the first rows, so the table stays unscrolled). Look at them before committing.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { puppeteerCore as puppeteer } from '@web/test-runner-chrome';
import { chromiumArgs, requireChromium } from './lib/chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const url = flag('--url', `http://localhost:${process.env.PORT ?? 5173}`);
const out = resolve(root, flag('--out', 'docs/screenshots'));
mkdirSync(out, { recursive: true });

const browser = await puppeteer.launch({ executablePath: requireChromium(), headless: true, args: chromiumArgs });
try {
  for (const theme of ['light', 'dark']) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    await page.goto(`${url}/?theme=${theme}`);
    await page.waitForSelector('#session.ok', { timeout: 20_000 });
    // Verdicts arrive per row as the rows scroll into view: wait for the first screenful.
    await page.waitForFunction(
      () =>
        document.querySelectorAll('pk-observable').length > 50 &&
        // Some verdict arrived (before the first request starts, nothing is loading yet either), and none is awaited.
        [...document.querySelectorAll('pk-observable')].some((o) => o.shadowRoot?.querySelector('pk-verdict-badge')) &&
        !document.querySelector('pk-observable[loading]'),
      { timeout: 20_000 },
    );
    if (theme === 'dark') {
      const button = await page.waitForFunction(() =>
        [...document.querySelectorAll('pk-observable')]
          .find((o) => o.value === 'no-reply@verify-secure.info')
          ?.shadowRoot?.querySelector('[part="pivot"]'),
      );
      await button.asElement().click();
      await page.waitForSelector('pk-pivot-menu[open]');
      await page.waitForFunction(() => {
        const menu = document.querySelector('pk-pivot-menu')?.shadowRoot;
        // Every section answered (no "Asking modules…", "Loading links…", "Loading actions…").
        return menu && menu.querySelector('[part~="verdict"]') && !/Asking modules|Loading/.test(menu.textContent);
      });
    }
    await page.screenshot({ path: join(out, `demo-${theme}.png`) });
    await page.close();
    console.log(`wrote ${join(out, `demo-${theme}.png`)}`);
  }
} finally {
  await browser.close();
}
