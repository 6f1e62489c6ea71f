#!/usr/bin/env node
// `pnpm start` here (or `node start.mjs`): a host backend in the way a vendor's console has one. It runs
// `pivotkit-server relay` with the API client's credentials in ITS environment, and serves the page, which gets
// tokens from the relay through a tokenProvider and never sees the secret or the real access token.
//
// Demo (default): the emulator stands in for Threat Response, and the relay uses its demo client.
// Real service: REGION=eu PIVOTKIT_CLIENT_ID=… PIVOTKIT_CLIENT_SECRET=… node start.mjs
//   PORT / --port (default 5175): the page;  RELAY_PORT / --relay-port (8789): the relay;
//   API_PORT / --api-port (8790): the emulator (demo only).
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
const port = portOption('--port', 'PORT', 5175);
const relayPort = portOption('--relay-port', 'RELAY_PORT', 8789);
const real = Boolean(process.env.REGION);
const apiPort = real ? 0 : portOption('--api-port', 'API_PORT', 8790);
await ensureFree(port, 'the page', 'PORT', '--port');
await ensureFree(relayPort, 'the relay', 'RELAY_PORT', '--relay-port');
if (!real) await ensureFree(apiPort, 'the emulator', 'API_PORT', '--api-port');
await ensureStandaloneBundle(here);

const origin = `http://localhost:${port}`;
const relayUrl = `http://localhost:${relayPort}`;
const children = [];
let upstream = [];
let credentials = {};
if (!real) {
  // The emulator is the "regional API" here; it needs no CORS: only the relay calls it, from this machine.
  children.push(
    await startPivotkitServer(here, [
      'emulate',
      '--port',
      String(apiPort),
      '--host',
      'localhost',
      '--data',
      ':memory:',
      '--quiet',
    ]),
  );
  const api = `http://localhost:${apiPort}`;
  upstream = ['--upstream-visibility', api, '--upstream-private-intel', api];
  credentials = { PIVOTKIT_CLIENT_ID: 'demo-client', PIVOTKIT_CLIENT_SECRET: 'demo-secret' };
}
// The secret goes to the relay in its environment (never on a command line, never to the page).
children.push(
  await startPivotkitServer(
    here,
    [
      'relay',
      '--region',
      process.env.REGION ?? 'eu',
      '--port',
      String(relayPort),
      '--allow-origin',
      origin,
      ...upstream,
    ],
    credentials,
  ),
);
// The page learns where the relay is from the backend: the one thing it is configured with.
const server = await serveStatic(here, port, (req, res) => {
  if (req.url !== '/config.json') return false;
  res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ relay: relayUrl, region: process.env.REGION ?? 'eu' }));
  return true;
});
stopTogether(children, [server]);
process.stdout.write(`relay example ready: ${origin}/ (relay ${relayUrl})\n`);
