// Starts `pivotkit-server` (the CLI, from source) as a separate process and reads its listening URL. Used by the
// node tests (through test/node/spawn-server.ts) and by the web-test-runner plugin (test/emulator-plugin.mjs).
// Plain JavaScript so that web-test-runner's config can load it without a TypeScript loader; types in
// server-process.d.mts.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'packages/server/src/cli.ts');

/** The arguments that start the emulator on any free loopback port with an in-memory database. */
export const EMULATE_ARGS = ['emulate', '--port', '0', '--host', '127.0.0.1', '--data', ':memory:'];

function spawnCli(args, env, stderr) {
  return spawn(process.execPath, ['--conditions=source', '--import', 'tsx', cli, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', stderr],
    env: { ...process.env, ...env },
  });
}

/**
 * Starts the CLI with `args` and resolves once it prints "listening on <url>". With `inheritStderr` the
 * process writes its stderr straight to ours instead of into `output()`.
 */
export function startServer(args, env = {}, { inheritStderr = false } = {}) {
  const child = spawnCli(args, env, inheritStderr ? 'inherit' : 'pipe');
  let out = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.stdout.setEncoding('utf8').on('data', (c) => (out += c));
  child.stderr?.setEncoding('utf8').on('data', (c) => (out += c));
  return new Promise((resolve, reject) => {
    const onData = () => {
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (!m) return;
      child.stdout.off('data', onData);
      resolve({
        url: m[1].replace(/\/$/, ''),
        child,
        output: () => out,
        exited,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout.on('data', onData);
    void exited.then(({ code, signal }) =>
      reject(new Error(`server exited (${code ?? signal}) before listening:\n${out}`)),
    );
  });
}

/** Starts the emulator (`EMULATE_ARGS`, then `extraArgs`). */
export function startEmulator(extraArgs = [], env = {}, options = {}) {
  return startServer([...EMULATE_ARGS, ...extraArgs], env, options);
}

/** Runs the CLI to completion (for --help and refusals). */
export function runCli(args, env = {}) {
  const child = spawnCli(args, env, 'pipe');
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (c) => (out += c));
  child.stderr.setEncoding('utf8').on('data', (c) => (out += c));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out })));
}
