// examples/react18: the @lit/react wrappers under React 18 (its own react and react-dom 18), started with its
// documented command.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkReact18Example } from './checks.js';
import { freePort, openBrowser, root, startCommand, type Started } from './support.js';

describe('examples/react18', () => {
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let started: Started;
  let apiPort: number;
  before(async () => {
    const port = await freePort();
    apiPort = await freePort();
    started = await startCommand(process.execPath, ['start.mjs'], {
      cwd: join(root, 'examples', 'react18'),
      env: { PORT: String(port), API_PORT: String(apiPort) },
      ready: /react18 example ready: (\S+)/,
    });
    browser = await openBrowser();
  });
  after(async () => {
    await browser?.close();
    await started?.stop();
  });

  it('starts with `pnpm start`, runs React 18, and the wrappers set properties and hear pk-* events', async () => {
    const url = /react18 example ready: (\S+)/.exec(started.output())![1]!;
    await checkReact18Example(browser.page, url, `http://localhost:${apiPort}`);
    assert.deepEqual(browser.errors, []);
  });
});
