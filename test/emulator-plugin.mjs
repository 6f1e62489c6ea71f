// @web/test-runner plugin: starts the real emulator process (`pivotkit-server emulate`, in-memory database,
// any port, CORS open to the test page) before the browser tests and stops it after. Browser tests reach
// it through test/helpers/emulator.ts.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Starts the emulator and resolves with its base URL, read from its "listening on <url>" line. */
export function startEmulator(extraArgs = []) {
  const child = spawn(
    process.execPath,
    [
      '--conditions=source',
      '--import',
      'tsx',
      join(root, 'packages/server/src/cli.ts'),
      'emulate',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--data',
      ':memory:',
      '--cors',
      '*',
      ...extraArgs,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk) => {
      out += chunk;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        child.stdout.off('data', onData);
        child.stdout.resume(); // keep draining so the child never blocks on a full pipe
        resolve({ url: m[1].replace(/\/$/, ''), child });
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.once('exit', (code) => reject(new Error(`emulator exited (${code}) before listening:\n${out}`)));
  });
}

export function emulatorPlugin() {
  let emulator;
  return {
    name: 'pk-emulator',
    async serverStart() {
      emulator = await startEmulator();
    },
    async serverStop() {
      emulator?.child.kill('SIGTERM');
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
      return undefined;
    },
  };
}
