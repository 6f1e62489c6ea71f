#!/usr/bin/env node
// The demo: the emulator on http://localhost:8787 and the example reporting page on http://localhost:5173.
// Ctrl-C stops both.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const children = [
  spawn(
    process.execPath,
    [
      '--conditions=source',
      '--import',
      'tsx',
      'packages/server/src/cli.ts',
      'emulate',
      '--port',
      '8787',
      '--cors',
      'http://localhost:5173',
    ],
    {
      cwd: root,
      stdio: 'inherit',
    },
  ),
  spawn(bin('vite'), ['--port', '5173', '--strictPort'], { cwd: root, stdio: 'inherit' }),
];
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
