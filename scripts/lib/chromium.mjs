import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** The Chromium the browser tests and screenshots use: CHROME_PATH, else the first on PATH. */
export function findChromium() {
  if (process.env.CHROME_PATH) return existsSync(process.env.CHROME_PATH) ? process.env.CHROME_PATH : null;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome']) {
    const res = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (res.status === 0 && res.stdout.trim()) return res.stdout.trim();
  }
  return null;
}

/** The Chromium to use, or an error that says how to get one. */
export function requireChromium() {
  const found = findChromium();
  if (!found) throw new Error('No Chromium found: run `npm test` (it installs one) or set CHROME_PATH.');
  return found;
}

/** Flags for headless Chromium on a closed network, as root (CI runs as root). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];
