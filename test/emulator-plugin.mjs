// @web/test-runner plugin: starts the real emulator process (`pivotkit-server emulate`, in-memory database,
// any port, CORS open to the test page) before the browser tests and stops it after. Browser tests reach
// it through test/helpers/emulator.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from './server-process.mjs';

export function emulatorPlugin() {
  let emulator;
  // A second emulator that a test may stop and start again: same port, same SQLite file (what a server that
  // goes away and comes back looks like to the page).
  let restartable;
  const stopRestartable = async () => {
    await restartable?.process?.stop();
    if (restartable) restartable.process = undefined;
  };
  return {
    name: 'pk-emulator',
    async serverStart() {
      emulator = await startEmulator(['--cors', '*'], {}, { inheritStderr: true });
    },
    async serverStop() {
      emulator?.child.kill('SIGTERM');
      await stopRestartable();
      if (restartable) rmSync(restartable.dir, { recursive: true, force: true });
    },
    async executeCommand({ command, payload }) {
      if (command === 'pk-emulator-url') return emulator.url;
      if (command === 'pk-emulator-control') {
        // Forwards to the emulator's control endpoint (faults, reset) so tests need no extra CORS rules.
        const res = await fetch(`${emulator.url}/__control/${payload.action}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(payload.body ?? {}),
        });
        return { status: res.status, body: await res.text() };
      }
      if (command === 'pk-restartable-emulator') {
        // payload.action: 'start' (again on the same port and data, after a stop) → its URL; 'stop'; 'dispose'.
        if (payload.action === 'start') {
          restartable ??= { dir: mkdtempSync(join(tmpdir(), 'pk-emulator-')) };
          if (!restartable.process) {
            const port = restartable.url ? new URL(restartable.url).port : '0';
            const data = join(restartable.dir, 'emulator.sqlite');
            restartable.process = await startEmulator(['--cors', '*', '--quiet', '--data', data, '--port', port]);
            restartable.url = restartable.process.url;
          }
          return restartable.url;
        }
        if (payload.action === 'stop') {
          await stopRestartable();
          return true;
        }
        if (payload.action === 'dispose') {
          await stopRestartable();
          if (restartable) rmSync(restartable.dir, { recursive: true, force: true });
          restartable = undefined;
          return true;
        }
      }
      return undefined;
    },
  };
}
