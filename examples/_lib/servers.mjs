// What the examples' start scripts share: the ports (PORT / API_PORT or --port / --api-port, with a clear
// message when one is taken), the emulator (`pivotkit-server emulate` from the installed @pivotkit/server, or
// its TypeScript source inside this repository), Vite's dev server and a small static file server. Node built-ins
// only.
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { createServer as createNetServer } from 'node:net';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const argv = process.argv.slice(2);
const flag = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);

/** The port from `--<name>`, else the environment variable, else `fallback`; exits with a message when invalid. */
export function portOption(cliFlag, envName, fallback) {
  const raw = flag(cliFlag) ?? process.env[envName] ?? String(fallback);
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    console.error(`${envName} (${cliFlag}) must be a port number from 1 to 65535, not "${raw}"`);
    process.exit(2);
  }
  return n;
}

/** Exits with a message that says how to choose another port when `port` is taken. */
export async function ensureFree(port, what, envName, cliFlag) {
  await new Promise((ok) => {
    const probe = createNetServer();
    probe.once('error', (e) => {
      const reason = e.code === 'EADDRINUSE' ? 'is already in use' : `cannot be used (${e.code ?? e.message})`;
      console.error(
        `port ${port} for ${what} ${reason}. Stop what uses it, or pick another: ${envName}=${port + 1} (or ${cliFlag} ${port + 1})`,
      );
      process.exit(1);
    });
    probe.listen({ port, host: 'localhost', exclusive: true }, () => probe.close(ok));
  });
}

/** The command that runs `pivotkit-server` from wherever @pivotkit/server is installed. */
function serverCommand(from) {
  const pkg = dirname(createRequire(join(from, 'x.js')).resolve('@pivotkit/server/package.json'));
  if (existsSync(join(pkg, 'dist', 'cli.js'))) return [process.execPath, [join(pkg, 'bin', 'pivotkit-server.js')]];
  // Inside this repository, before `pnpm build`: the TypeScript source.
  return [process.execPath, ['--conditions=source', '--import', 'tsx', join(pkg, 'src', 'cli.ts')]];
}

/**
 * Starts `pivotkit-server <args>` (resolved from the folder `from`), prints its output, and resolves with the
 * child once it listens.
 */
export function startPivotkitServer(from, args, env = {}) {
  const [cmd, pre] = serverCommand(from);
  const child = spawn(cmd, [...pre, ...args], {
    cwd: from,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  return new Promise((ok, fail) => {
    whenPrinted(child.stdout, 'listening on ', () => ok(child));
    child.once('exit', (code) => fail(new Error(`pivotkit-server exited with ${code}`)));
  });
}

/**
 * What `start.mjs` of a Vite example does: the emulator and Vite's dev server for the example in the folder
 * `here` (its index.html and vite.config.ts). PORT / --port and API_PORT / --api-port pick the ports
 * (`defaults.port`, `defaults.apiPort` otherwise); the page gets the emulator's address as VITE_PIVOTKIT_API.
 * Prints "<name> example ready: <url>" once Vite listens, and stops both on Ctrl-C or when one dies.
 */
export async function startViteExample(here, name, defaults) {
  const port = portOption('--port', 'PORT', defaults.port);
  const apiPort = portOption('--api-port', 'API_PORT', defaults.apiPort);
  await ensureFree(port, 'the page', 'PORT', '--port');
  await ensureFree(apiPort, 'the emulator', 'API_PORT', '--api-port');
  const origin = `http://localhost:${port}`;
  const emulator = await startPivotkitServer(here, [
    'emulate',
    ...['--port', String(apiPort), '--host', 'localhost', '--data', ':memory:', '--cors', origin, '--quiet'],
  ]);
  const vite = join(dirname(createRequire(join(here, 'x.js')).resolve('vite/package.json')), 'bin', 'vite.js');
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
  whenPrinted(dev.stdout, `localhost:${port}`, () => process.stdout.write(`${name} example ready: ${origin}/\n`));
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Serves the files under `folder` (GET and HEAD only; no listing; symbolic links followed, as a package
 * manager's node_modules needs, but never to a path outside `folder`'s real location or a node_modules).
 */
export function serveStatic(folder, port, extra = () => false) {
  const rootReal = realpathSync(folder);
  const server = createServer((req, res) => {
    if (extra(req, res)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = resolve(folder, `.${path}`);
    if (!file.startsWith(resolve(folder) + sep) && file !== resolve(folder)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const real = realpathSync(file);
    if (
      !real.startsWith(rootReal + sep) &&
      !real.split(sep).includes('node_modules') &&
      !path.includes('/node_modules/')
    ) {
      res.writeHead(403).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(port, 'localhost', () => ok(server)));
}

/**
 * Calls `onReady` once the output of `stream` has said `mark` (a string or a RegExp), with colour codes removed
 * and across chunk boundaries: tools colour their output when they see a terminal or a CI variable (Vite prints
 * the port in bold then), and a line may arrive in two chunks. Each chunk is also copied to `echo` when given.
 */
export function whenPrinted(stream, mark, onReady, echo = process.stdout) {
  let seen = '';
  let done = false;
  const onData = (chunk) => {
    echo?.write(chunk);
    if (done) return;
    seen = stripVTControlCharacters(seen + chunk).slice(-4096);
    if (typeof mark === 'string' ? seen.includes(mark) : mark.test(seen)) {
      done = true;
      onReady(seen);
    }
  };
  stream.setEncoding('utf8').on('data', onData);
}

/** Stops every child on Ctrl-C / SIGTERM, and everything when one child dies. */
export function stopTogether(children, servers = []) {
  const stop = () => {
    for (const c of children) c.kill('SIGTERM');
    for (const s of servers) s.close();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  for (const c of children) c.on('exit', (code) => code && (stop(), (process.exitCode = code)));
}

/**
 * `@pivotkit/elements/dist/pivotkit.js` as installed beside `from`. Inside this repository it is rebuilt from
 * the sources first (the standalone build alone, about two seconds), so the example never runs a stale copy;
 * the new files replace the old ones by rename, so a page loading meanwhile gets one or the other whole.
 */
export async function ensureStandaloneBundle(from) {
  const require = createRequire(join(from, 'x.js'));
  const pkg = dirname(require.resolve('@pivotkit/elements/package.json'));
  const file = join(pkg, 'dist', 'pivotkit.js');
  const config = join(pkg, 'vite.standalone.config.ts');
  if (!existsSync(config)) {
    if (!existsSync(file)) throw new Error(`${file} is missing: reinstall @pivotkit/elements`);
    return file;
  }
  const { spawnSync } = await import('node:child_process');
  const { mkdtempSync, mkdirSync, readdirSync, renameSync, rmSync } = await import('node:fs');
  const out = mkdtempSync(join(pkg, 'dist-standalone-'));
  const vite = join(dirname(createRequire(join(pkg, 'x.js')).resolve('vite/package.json')), 'bin', 'vite.js');
  const res = spawnSync(process.execPath, [vite, 'build', '-c', config, '--outDir', out, '--logLevel', 'warn'], {
    cwd: pkg,
    stdio: 'inherit',
  });
  if (res.status !== 0) throw new Error('building pivotkit.js failed');
  mkdirSync(join(pkg, 'dist'), { recursive: true });
  for (const f of readdirSync(out)) renameSync(join(out, f), join(pkg, 'dist', f));
  rmSync(out, { recursive: true, force: true });
  return file;
}
