// @web/test-runner plugin: starts the real emulator process (`pivotkit-server emulate`, in-memory database,
// any port, CORS open to the test page) before the browser tests and stops it after. Browser tests reach
// it through test/helpers/emulator.ts.
import { startEmulator } from './server-process.mjs';

export function emulatorPlugin() {
  let emulator;
  return {
    name: 'pk-emulator',
    async serverStart() {
      emulator = await startEmulator(['--cors', '*'], {}, { inheritStderr: true });
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
