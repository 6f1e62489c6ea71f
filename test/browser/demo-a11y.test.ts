import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import type { AxeResults, RunOptions } from 'axe-core';
import { createClient } from '@pivotkit/sdk';
import { configure } from '../../packages/elements/src/config.js';
import { decorate } from '../../packages/elements/src/decorate/decorate.js';
import { pivotMenuIfLoaded, loadPivotMenu } from '../../packages/elements/src/lazy/pivot-menu.js';
import { generateMessages } from '../../examples/reporting-page/data.js';
import { rowOf } from '../../examples/reporting-page/table.js';
import { DEMO_CREDENTIALS, emulatorUrl } from '../helpers/emulator.js';

// The demo's own styles and the theme, as the reporting page loads them: Vite resolves style.css's @import of the
// theme (a bare specifier) there; here the theme is linked first and style.css is added without that line, so no
// request fails.
async function loadStyles() {
  if (document.getElementById('demo-styles')) return;
  const theme = Object.assign(document.createElement('link'), {
    rel: 'stylesheet',
    href: '/packages/elements/themes/pivotkit.css',
  });
  const loaded = new Promise((ok, fail) => {
    theme.addEventListener('load', ok, { once: true });
    theme.addEventListener('error', () => fail(new Error('the theme did not load')), { once: true });
  });
  document.head.append(theme);
  await loaded;
  const css = await (await fetch('/examples/reporting-page/style.css')).text();
  const style = Object.assign(document.createElement('style'), {
    id: 'demo-styles',
    textContent: css.replace(/^@import [^;]+;$/m, ''),
  });
  document.head.append(style);
}

/** axe-core with its full default rule set (best practices such as `region` included, not only WCAG tags). */
async function violations(): Promise<string[]> {
  // axe-core's browser build registers itself on window (as chai-a11y-axe loads it).
  // @ts-expect-error: the browser build has no types of its own
  await import('axe-core/axe.min.js');
  const axe = (window as unknown as { axe: { run(ctx: Document, o?: RunOptions): Promise<AxeResults> } }).axe;
  const result = await axe.run(document);
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('demo page: axe-core default rules, menu closed and open, light and dark', function () {
  this.timeout(120000);
  for (const theme of ['light', 'dark']) {
    it(`reports nothing (${theme})`, async () => {
      await loadStyles();
      // What the demo's index.html has (the test runner's page has neither).
      document.title = 'Message tracking · Acme Email & Web Security';
      document.documentElement.lang = 'en';
      document.documentElement.classList.add(`pk-theme-${theme}`);
      const url = await emulatorUrl();
      const client = createClient({
        baseUrls: { visibility: url, privateIntel: url },
        credentials: DEMO_CREDENTIALS,
        cache: false,
      });
      await client.signIn();
      configure({ client });
      const page = await fixture<HTMLElement>(
        html`<main>
          <h1>Message tracking</h1>
          <div class="table-wrap">
            <table aria-label="Messages">
              <thead>
                <tr>
                  <th>Time</th>
                  <th>Sender</th>
                  <th>Recipient</th>
                  <th>Subject</th>
                  <th>Sender IP</th>
                  <th>Verdict</th>
                  <th>Action</th>
                </tr>
              </thead>
              <tbody></tbody>
            </table>
          </div>
        </main>`,
      );
      page.querySelector('tbody')!.append(...generateMessages(12).map(rowOf));
      const handle = decorate(page.querySelector('table')!);
      try {
        await handle.ready;
        await waitUntil(() => handle.observables.some((o) => o.verdict), 'verdict badges', { timeout: 15000 });
        await Promise.all(handle.observables.map((o) => o.updateComplete));
        expect(await violations(), 'menu closed').to.deep.equal([]);

        await loadPivotMenu();
        const button = handle.observables[0]!.pivotButton!;
        const r = button.getBoundingClientRect();
        await sendMouse({ type: 'click', position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] });
        const menu = () => pivotMenuIfLoaded()!.getPivotMenu()!;
        await waitUntil(() => menu()?.open, 'the menu opens', { timeout: 15000 });
        await waitUntil(
          () => menu().shadowRoot!.querySelector('[part="verdicts"]')?.getAttribute('aria-busy') === 'false',
          'verdicts in the menu',
          { timeout: 15000 },
        );
        expect(await violations(), 'menu open').to.deep.equal([]);
      } finally {
        pivotMenuIfLoaded()?.closePivotMenu();
        handle.undecorate();
        configure({ client: undefined });
        document.documentElement.classList.remove(`pk-theme-${theme}`);
      }
    });
  }
});
