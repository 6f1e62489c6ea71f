// The built Storybook (storybook-static, as `pnpm storybook:build` leaves it), served by a plain static file
// server: every story in its index.json renders with no console error, no uncaught exception and no axe
// violation (axe-core's full default rule set) on the story and on whatever it put on <body> (popups, docked
// panels). Stories added by anyone are picked up from index.json. Run by `pnpm test:storybook` (CI runs it after
// the Storybook build); builds Storybook first when storybook-static is missing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { serveStatic } from '../../examples/_lib/servers.mjs';
import { freePort, openBrowser, root } from '../e2e/support.js';

const dir = join(root, 'storybook-static');
if (!existsSync(join(dir, 'index.json'))) {
  const res = spawnSync('pnpm', ['storybook:build'], { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) throw new Error('pnpm storybook:build failed');
}
const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as {
  entries: Record<string, { id: string; title: string; name: string; type: 'story' | 'docs'; tags?: string[] }>;
};
// PK_STORIES=<text> keeps the stories whose id contains it (to look at one while fixing it).
const picked = Object.values(index.entries).filter(
  (e) => !process.env['PK_STORIES'] || e.id.includes(process.env['PK_STORIES']),
);
const stories = picked.filter((e) => e.type === 'story');
const docs = picked.filter((e) => e.type === 'docs');
/**
 * Known violations, each with the reason and who fixes it: the test still runs and prints them (as TODO) instead
 * of failing CI for a bug in someone else's element. Remove an entry when its fix lands.
 */
const KNOWN: Record<string, string> = {};

/**
 * The browser logs every failed request as a console error. Stories of error states (wrong credentials, network
 * down, a refused sign-in) fail API requests on purpose, so those lines are not errors of the story; any other
 * failed load (a missing script, style or image) still is.
 */
const expectedFailure = (line: string) => /^Failed to load resource: .*\((https?:\/\/[^/]+)?\/(iroh|ctia)\//.test(line);

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

describe('the built Storybook', () => {
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let server: Server;
  let base: string;
  before(async () => {
    const port = await freePort();
    // The browser asks for /favicon.ico on its own; iframe.html names none. Not a story's error.
    server = await serveStatic(dir, port, (req, res) => {
      if (req.url !== '/favicon.ico') return false;
      res.writeHead(204).end();
      return true;
    });
    base = `http://localhost:${port}`;
    browser = await openBrowser();
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });

  it('has stories', () => assert.ok(stories.length > 0, 'index.json lists no story'));

  for (const story of stories) {
    const todo = KNOWN[story.id];
    it(`${story.title} › ${story.name} renders with no console error and no axe violation`, { todo }, async () => {
      const { page, errors } = browser;
      errors.length = 0;
      await page.goto(`${base}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`);
      // Storybook's own render phases: wait until the story (and its play function) is done.
      const phase = await page.waitForFunction(
        () => {
          const preview = (window as unknown as { __STORYBOOK_PREVIEW__?: { storyRenders?: { phase?: string }[] } })
            .__STORYBOOK_PREVIEW__;
          const p = preview?.storyRenders?.at(-1)?.phase;
          return p && ['completed', 'finished', 'errored', 'aborted'].includes(p) ? p : undefined;
        },
        { timeout: 20_000 },
      );
      assert.notEqual(await phase.jsonValue(), 'errored', `the story errored: ${errors.join('\n')}`);
      assert.equal(await page.$eval('body', (b) => b.classList.contains('sb-show-errordisplay')), false);
      await page.evaluate(axeSource);
      const violations = (await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(ctx: unknown): Promise<{ violations: unknown[] }> } }).axe;
        // The story's root, and anything it appended to <body> (the shared pivot menu, popups).
        const include = [
          ['#storybook-root'],
          ...[...document.body.children]
            .filter((e) => e.tagName.startsWith('PK-'))
            .map((e) => [e.tagName.toLowerCase()]),
        ];
        return (await axe.run({ include })).violations;
      })) as AxeViolation[];
      assert.deepEqual(
        violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
        [],
      );
      assert.deepEqual(
        errors.filter((e) => !expectedFailure(e)),
        [],
      );
    });
  }

  // Docs pages (each element's autodocs, Theming, SDK): they render, with no console error; an element's page has
  // its API table from custom-elements.json (properties, attributes, events, slots, parts: sections only the
  // manifest gives; a story's own args have none).
  for (const entry of docs) {
    const element = !entry.tags?.includes('unattached-mdx');
    it(`${entry.title} › docs page renders${element ? ' its API from the manifest' : ''} with no console error`, async () => {
      const { page, errors } = browser;
      errors.length = 0;
      await page.goto(`${base}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=docs`);
      await page.waitForFunction(() => document.querySelector('#storybook-docs .sbdocs-content h1'), {
        timeout: 20_000,
      });
      assert.equal(await page.$eval('body', (b) => b.classList.contains('sb-show-errordisplay')), false);
      if (element) {
        const sections = await page
          .waitForFunction(
            () => {
              const rows = document.querySelectorAll('#storybook-docs .docblock-argstable tr[title^="Hide "]');
              return rows.length ? [...rows].map((r) => r.getAttribute('title')) : undefined;
            },
            { timeout: 20_000 },
          )
          .then(async (h) => (await h.jsonValue()) ?? [])
          .catch(() => []);
        assert.ok(sections.length > 0, 'the docs page has no API table from custom-elements.json');
      }
      assert.deepEqual(
        errors.filter((e) => !expectedFailure(e)),
        [],
      );
    });
  }
});
