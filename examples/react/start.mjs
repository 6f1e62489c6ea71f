#!/usr/bin/env node
// `pnpm start` here (or `node start.mjs`): the emulator and Vite's dev server for the React example.
//   PORT / --port (default 5176): the page;  API_PORT / --api-port (default 8791): the emulator.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startViteExample } from '../_lib/servers.mjs';

await startViteExample(dirname(fileURLToPath(import.meta.url)), 'react', { port: 5176, apiPort: 8791 });
