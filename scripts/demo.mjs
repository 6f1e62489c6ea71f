#!/usr/bin/env node
// The demo: the emulator (default http://localhost:8787) and the example reporting console (default
// http://localhost:5173). Ctrl-C stops both.
//   PORT / --port <n>          the console's port
//   API_PORT / --api-port <n>  the emulator's port
//   --data <file>              the emulator's database (default: its own, kept between runs; ":memory:" keeps nothing)
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { whenPrinted } from '../examples/_lib/servers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const argv = process.argv.slice(2);
const flag = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);

function port(value, what, fallback) {
  const n = Number(value ?? fallback);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    console.error(`demo: ${what} must be a port number from 1 to 65535, not "${value}"`);
    process.exit(2);
  }
  return n;
}
const pagePort = port(flag('--port') ?? process.env.PORT, 'PORT (--port)', 5173);
const apiPort = port(flag('--api-port') ?? process.env.API_PORT, 'API_PORT (--api-port)', 8787);
const data = flag('--data');
if (pagePort === apiPort) {
  console.error(`demo: the console and the emulator cannot share port ${pagePort}; set PORT and API_PORT apart`);
  process.exit(2);
}

/** Resolves when nothing listens on `port` (on localhost), else rejects with the reason. */
function checkFree(port) {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ port, host: 'localhost', exclusive: true }, () => probe.close(() => resolve()));
  });
}
for (const [p, what, env, opt] of [
  [pagePort, 'the console', 'PORT', '--port'],
  [apiPort, 'the emulator', 'API_PORT', '--api-port'],
]) {
  try {
    await checkFree(p);
  } catch (e) {
    const reason =
      e.code === 'EADDRINUSE'
        ? 'is already in use (another demo still running?)'
        : `cannot be used (${e.code ?? e.message})`;
    console.error(
      `demo: port ${p} for ${what} ${reason}.\n` +
        `      Stop what uses it, or pick another port: ${env}=${p + 1} npm run demo   (or: npm run demo -- ${opt} ${p + 1})`,
    );
    process.exit(1);
  }
}

const origin = `http://localhost:${pagePort}`;
const api = `http://localhost:${apiPort}`;
const emulatorArgs = ['emulate', '--port', String(apiPort), '--host', 'localhost', '--cors', origin];
if (data) emulatorArgs.push('--data', data);
const children = [
  spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'packages/server/src/cli.ts', ...emulatorArgs], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  }),
  spawn(bin('vite'), ['--port', String(pagePort), '--strictPort', '--clearScreen', 'false'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, VITE_PIVOTKIT_API: api },
  }),
];
// One line once both listen, for people and for the end-to-end test that starts this script.
const up = [false, false];
const marks = [`listening on ${api}`, `localhost:${pagePort}`];
children.forEach((child, i) =>
  whenPrinted(child.stdout, marks[i], () => {
    up[i] = true;
    if (up.every(Boolean)) {
      console.log(`\ndemo ready: ${origin}/ (message tracking), ${origin}/web.html (web tracking); API ${api}`);
    }
  }),
);
const stop = () => {
  for (const c of children) c.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children) {
  c.on('exit', (code) => {
    if (code) {
      console.error(`demo: a process exited with code ${code}; stopping`);
      stop();
      process.exitCode = code;
    }
  });
}
