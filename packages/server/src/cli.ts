#!/usr/bin/env node
// pivotkit-server: the Threat Response emulator (default) and the secret-holding relay.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { cors } from 'hono/cors';

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
const flag = (name: string, fallback: string) =>
  args.includes(name) ? (args[args.indexOf(name) + 1] ?? fallback) : fallback;
const port = Number(flag('--port', '8787'));
const hostname = flag('--host', 'localhost');
const app = new Hono();
const corsOrigin = flag('--cors', '');
if (corsOrigin) app.use('*', cors({ origin: corsOrigin === '*' ? '*' : corsOrigin.split(',') }));
app.get('/', (c) => c.json({ name: '@pivotkit/server', mode: 'emulate' }));
serve({ fetch: app.fetch, port, hostname }, (info) => {
  console.log(`pivotkit-server emulate listening on http://${hostname}:${info.port}`);
});
