#!/usr/bin/env node
// pivotkit-server: the Threat Response emulator (default) and the secret-holding relay.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const HELP = `Usage: pivotkit-server [emulate] [--port 8787]

Commands:
  emulate   Local emulator of the Threat Response API (default).

Options:
  --port <n>   Port to listen on (default 8787).
  --help       Show this help.
`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(HELP);
  process.exit(0);
}
const port = Number(args[args.indexOf('--port') + 1] ?? 8787) || 8787;
const app = new Hono();
app.get('/', (c) => c.json({ name: '@pivotkit/server', mode: 'emulate' }));
serve({ fetch: app.fetch, port, hostname: 'localhost' }, (info) => {
  console.log(`pivotkit-server emulate listening on http://localhost:${info.port}`);
});
