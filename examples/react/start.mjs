#!/usr/bin/env node
// `pnpm start` here (or `node start.mjs`): the emulator and Vite's dev server for the React example.
//   PORT / --port (default 5176): the page;  API_PORT / --api-port (default 8791): the emulator.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureFree, portOption, startPivotkitServer, stopTogether, whenPrinted } from '../_lib/servers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const port = portOption('--port', 'PORT', 5176);
const apiPort = portOption('--api-port', 'API_PORT', 8791);
await ensureFree(port, 'the page', 'PORT', '--port');
await ensureFree(apiPort, 'the emulator', 'API_PORT', '--api-port');
const origin = `http://localhost:${port}`;
const emulator = await startPivotkitServer(here, [
  'emulate',
  ...['--port', String(apiPort), '--host', 'localhost', '--data', ':memory:', '--cors', origin, '--quiet'],
]);
const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
const dev = spawn(
  process.execPath,
  [vite, '--port', String(port), '--strictPort', '--host', 'localhost', '--clearScreen', 'false'],
  {
    cwd: here,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, VITE_PIVOTKIT_API: `http://localhost:${apiPort}` },
  },
);
stopTogether([emulator, dev]);
whenPrinted(dev.stdout, `localhost:${port}`, () => process.stdout.write(`react example ready: ${origin}/\n`));
