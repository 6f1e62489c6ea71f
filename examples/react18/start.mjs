#!/usr/bin/env node
// `pnpm start` here (or `node start.mjs`): the emulator and Vite's dev server for the React 18 example.
//   PORT / --port (default 5177): the page;  API_PORT / --api-port (default 8792): the emulator.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startViteExample } from '../_lib/servers.mjs';

await startViteExample(dirname(fileURLToPath(import.meta.url)), 'react18', { port: 5177, apiPort: 8792 });
