// The pivotkit-server command line: help, start-up banner, default database location, bad flags.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { getToken, runCli, startEmulator, startServer } from './spawn-server.js';

describe('pivotkit-server CLI', () => {
  it('--help explains every flag of both commands', async () => {
    const { code, out } = await runCli(['--help']);
    assert.equal(code, 0);
    for (const flag of [
      '--port',
      '--host',
      '--data',
      '--clients',
      '--cors',
      '--token-ttl',
      '--public-url',
      '--no-control',
      '--quiet',
      '--latency',
      '--error-rate',
      '--error-status',
      '--rate-limit-rate',
      '--retry-after',
      '--malformed-rate',
      '--drop-rate',
      '--fault-paths',
      '--fault-seed',
      '--module-latency',
      '--region',
      '--allow-origin',
      '--credentials-file',
      '--upstream-visibility',
      '--upstream-private-intel',
      '--timeout',
      'PIVOTKIT_CLIENT_ID',
      'PIVOTKIT_CLIENT_SECRET',
    ]) {
      assert.match(out, new RegExp(`${flag}\\b`), `--help does not mention ${flag}`);
    }
  });

  it('refuses an unknown flag with exit code 2', async () => {
    const { code, out } = await runCli(['emulate', '--prot', '1']);
    assert.equal(code, 2);
    assert.match(out, /--prot/);
  });

  it('prints the demo client at start and keeps its database under the user data directory by default', async () => {
    const home = mkdtempSync(join(tmpdir(), 'pivotkit-home-'));
    try {
      const server = await startServer(['--port', '0', '--host', '127.0.0.1', '--quiet'], {
        HOME: home,
        XDG_DATA_HOME: join(home, 'data'),
      });
      try {
        assert.match(server.output(), /demo-client/);
        assert.match(server.output(), /demo-secret/);
        await getToken(server.url);
        assert.ok(existsSync(join(home, 'data', 'pivotkit', 'emulator.db')));
      } finally {
        await server.stop();
      }
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('applies fault flags from the command line', async () => {
    const server = await startEmulator([
      '--quiet',
      '--rate-limit-rate',
      '1',
      '--retry-after',
      '9',
      '--fault-paths',
      '/ctia/',
    ]);
    try {
      const token = await getToken(server.url);
      const res = await fetch(`${server.url}/ctia/casebook/search`, { headers: { Authorization: `Bearer ${token}` } });
      assert.equal(res.status, 429);
      assert.equal(res.headers.get('retry-after'), '9');
    } finally {
      await server.stop();
    }
  });
});
