// examples/react: React 19 with the elements as they are (properties and pk-* event props), started with its
// documented command.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkReactExample } from './checks.js';
import { freePort, openBrowser, root, startCommand, type Started } from './support.js';

describe('examples/react', () => {
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let started: Started;
  let apiPort: number;
  before(async () => {
    const port = await freePort();
    apiPort = await freePort();
    started = await startCommand(process.execPath, ['start.mjs'], {
      cwd: join(root, 'examples', 'react'),
      env: { PORT: String(port), API_PORT: String(apiPort) },
      ready: /react example ready: (\S+)/,
    });
    browser = await openBrowser();
  });
  after(async () => {
    await browser?.close();
    await started?.stop();
  });

  it('starts with `pnpm start`, signs in, pivots, adds to a case, and hears pk-* events through React', async () => {
    const url = /react example ready: (\S+)/.exec(started.output())![1]!;
    await checkReactExample(browser.page, url, `http://localhost:${apiPort}`);
    assert.deepEqual(browser.errors, []);
  });
});
