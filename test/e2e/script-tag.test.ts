// examples/script-tag: plain HTML that loads the one prebuilt file @pivotkit/elements ships (dist/pivotkit.js),
// started with its documented command, then served by an unrelated static file server.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startEmulator } from '../server-process.mjs';
import { checkScriptTagExample } from './checks.js';
import { freePort, openBrowser, root, startCommand } from './support.js';

const folder = join(root, 'examples', 'script-tag');

describe('examples/script-tag', () => {
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  before(async () => {
    browser = await openBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('starts with `pnpm start`, signs in, pivots and adds to a case', async () => {
    const [port, apiPort] = [await freePort(), await freePort()];
    const started = await startCommand(process.execPath, ['start.mjs'], {
      cwd: folder,
      env: { PORT: String(port), API_PORT: String(apiPort) },
      ready: /script-tag example ready: (\S+)/,
    });
    try {
      const url = /script-tag example ready: (\S+)/.exec(started.output())![1]!;
      await checkScriptTagExample(browser.page, url, `http://localhost:${apiPort}`);
      assert.deepEqual(browser.errors, []);
    } finally {
      await browser.page.goto('about:blank'); // before its servers stop, so it logs no refused connection
      await started.stop();
    }
  });

  const python = spawnSync('python3', ['--version']).status === 0;
  it('works from any static file server (python3 -m http.server)', { skip: !python && 'no python3' }, async () => {
    const emulator = await startEmulator(['--cors', '*', '--quiet']);
    const port = await freePort();
    const server = await startCommand('python3', ['-u', '-m', 'http.server', String(port), '--bind', '127.0.0.1'], {
      cwd: folder,
      ready: /Serving HTTP/,
    });
    try {
      await checkScriptTagExample(
        browser.page,
        `http://127.0.0.1:${port}/?api=${emulator.url}`,
        emulator.url,
        '203.0.113.9',
      );
      assert.deepEqual(browser.errors, []);
    } finally {
      await browser.page.goto('about:blank');
      await server.stop();
      await emulator.stop();
    }
  });
});
