#!/usr/bin/env node
// Brings a fresh machine (Node and npm only) to a state where the workspace runs:
// the pinned pnpm, the locked dependencies, and (with --chromium) a Chromium for the browser tests.
// Plain Node on purpose: it runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './lib/chromium.mjs';
import { cleanEnv } from './lib/env.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wantChromium = process.argv.includes('--chromium');
const pnpmVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];

function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, env: cleanEnv(), ...opts });
  return res.status === 0;
}
function output(cmd, args) {
  const res = spawnSync(cmd, args, { encoding: 'utf8', env: cleanEnv() });
  return res.status === 0 ? res.stdout.trim() : null;
}
function fail(message) {
  console.error(`\n[setup] ${message}`);
  process.exit(1);
}

// 1. pnpm, at the version package.json pins.
if (output('pnpm', ['--version']) !== pnpmVersion) {
  console.log(`[setup] installing pnpm ${pnpmVersion} with npm`);
  if (!run('npm', ['install', '--global', `pnpm@${pnpmVersion}`]) || output('pnpm', ['--version']) !== pnpmVersion) {
    fail(
      `could not install pnpm ${pnpmVersion}; run "npm install --global pnpm@${pnpmVersion}" (as root or with a user prefix) and try again`,
    );
  }
}

// 2. Dependencies. better-sqlite3 compiles from source: point node-gyp at the headers
// that ship beside this Node, when they do, instead of letting it download them.
const env = cleanEnv();
const prefix = dirname(dirname(process.execPath));
if (!env.npm_config_nodedir && existsSync(join(prefix, 'include', 'node', 'node.h'))) env.npm_config_nodedir = prefix;
if (!run('pnpm', ['install', '--frozen-lockfile'], { env })) fail('pnpm install failed (see above)');

// 3. Chromium for @web/test-runner: Debian's package; a test tool never downloads a browser here.
if (wantChromium && !findChromium()) {
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    fail(
      'Chromium is missing. Install it (Debian: "apt-get install chromium") or set CHROME_PATH to a Chromium or Chrome binary.',
    );
  }
  console.log('[setup] installing Chromium with apt-get');
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (
    !run('apt-get', ['update', '-qq'], { env: aptEnv }) ||
    !run('apt-get', ['install', '-y', '-qq', 'chromium'], { env: aptEnv })
  ) {
    fail('apt-get install chromium failed (see above)');
  }
  if (!findChromium()) fail('Chromium was installed but cannot be found; set CHROME_PATH');
}
