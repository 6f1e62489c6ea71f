#!/usr/bin/env node
// `pnpm start` here (or `node start.mjs`): the emulator and a static file server for this folder.
//   PORT / --port (default 5174): the page;  API_PORT / --api-port (default 8788): the emulator.
// Any other static file server works as well, e.g. `python3 -m http.server` in this folder, with the
// emulator started separately (`npx pivotkit-server --cors '*'`).
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ensureFree,
  ensureStandaloneBundle,
  portOption,
  serveStatic,
  startPivotkitServer,
  stopTogether,
} from '../_lib/servers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const port = portOption('--port', 'PORT', 5174);
const apiPort = portOption('--api-port', 'API_PORT', 8788);
await ensureFree(port, 'the page', 'PORT', '--port');
await ensureFree(apiPort, 'the emulator', 'API_PORT', '--api-port');
await ensureStandaloneBundle(here);
const origin = `http://localhost:${port}`;
const emulator = await startPivotkitServer(here, [
  'emulate',
  ...['--port', String(apiPort), '--host', 'localhost', '--data', ':memory:', '--cors', origin, '--quiet'],
]);
const server = await serveStatic(here, port);
stopTogether([emulator], [server]);
process.stdout.write(`script-tag example ready: ${origin}/?api=http://localhost:${apiPort}\n`);
