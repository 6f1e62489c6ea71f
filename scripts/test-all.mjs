#!/usr/bin/env node
// Runs every test — node:test files (SDK logic, server) and @web/test-runner files (elements, in Chromium) —
// and ends with one line, `N passed, N failed, N skipped`, added up over both. Exits non-zero when a test
// fails or a test file does not load.
//   --only node|browser   run one half
//   --dir <folder>        node tests of one package only (its `pnpm test`)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const dir = args.includes('--dir') ? args[args.indexOf('--dir') + 1] : undefined;
const tmp = mkdtempSync(join(tmpdir(), 'pivotkit-test-'));
const total = { passed: 0, failed: 0, skipped: 0 };

function listTests(folder, pattern) {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true })
    .map(String)
    .filter((f) => pattern.test(f) && !f.split(/[\\/]/).includes('node_modules'))
    .map((f) => join(folder, f))
    .sort();
}

function nodeTests() {
  const folders = dir
    ? [join(process.cwd(), dir)]
    : [
        ...readdirSync(join(root, 'packages')).map((p) => join(root, 'packages', p, 'test')),
        join(root, 'test', 'node'),
        join(root, 'test', 'e2e'), // the examples, started with their documented commands, in Chromium
      ];
  const files = folders.flatMap((f) => listTests(f, /\.test\.ts$/));
  if (files.length === 0) return;
  const tap = join(tmp, 'node.tap');
  console.log(`\n▶ node tests (${files.length} files)`);
  const res = spawnSync(
    process.execPath,
    [
      '--conditions=source',
      '--import',
      'tsx',
      '--test',
      // No test may wait for ever: one that has not ended in five minutes fails, naming itself.
      '--test-timeout=300000',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...files.map((f) => relative(root, f)),
    ],
    { cwd: root, stdio: 'inherit' },
  );
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (name) => Number(text.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
  const passed = count('pass');
  const failed = count('fail') + count('cancelled');
  total.passed += passed;
  total.skipped += count('skipped') + count('todo');
  // A crash before any summary, or a non-zero exit with nothing counted as failed, is still a failure.
  total.failed += failed || (res.status !== 0 ? 1 : 0);
}

function browserTests() {
  const summary = join(tmp, 'wtr.json');
  console.log('\n▶ browser tests (@web/test-runner, Chromium)');
  const res = spawnSync(
    join(root, 'node_modules', '.bin', 'web-test-runner'),
    ['--config', 'web-test-runner.config.mjs'],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, PK_WTR_SUMMARY: summary },
    },
  );
  if (!existsSync(summary)) {
    total.failed += 1;
    return;
  }
  const s = JSON.parse(readFileSync(summary, 'utf8'));
  total.passed += s.passed;
  total.skipped += s.skipped;
  total.failed += s.failed || (res.status !== 0 ? 1 : 0);
}

if (only !== 'browser') nodeTests();
if (only !== 'node' && !dir) browserTests();
rmSync(tmp, { recursive: true, force: true });
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
