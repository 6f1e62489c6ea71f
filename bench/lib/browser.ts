// What the browser benchmarks share: the repository root, a bench page bundled as a browser gets it (minified,
// lit in production mode), and headless Chromium driven by puppeteer (the one @web/test-runner already brings).
import { build, type BuildOptions } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { puppeteerCore as puppeteer } from '@web/test-runner-chrome';
import { chromiumArgs, findChromium } from '../../scripts/lib/chromium.mjs';

export type Browser = Awaited<ReturnType<typeof puppeteer.launch>>;
export type Page = Awaited<ReturnType<Browser['newPage']>>;

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The esbuild options of a bench page: the elements' sources, minified, as in production. */
export const PAGE_BUILD: BuildOptions = {
  bundle: true,
  minify: true,
  target: 'es2022',
  conditions: ['source', 'browser', 'production'],
  define: { 'process.env.NODE_ENV': '"production"' },
  tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
  logLevel: 'error',
};

/** `entry` (a path from the repository root) bundled into one script. */
export async function bundlePage(entry: string, format: 'iife' | 'esm' = 'iife'): Promise<string> {
  const result = await build({ ...PAGE_BUILD, entryPoints: [join(root, entry)], format, write: false });
  return result.outputFiles[0]!.text;
}

/** Headless Chromium; null, after saying so, on a machine without it (the bench is then skipped). */
export async function launchChromium(): Promise<Browser | null> {
  const executablePath = findChromium();
  if (!executablePath) {
    console.log('skipped: no Chromium (install it or set CHROME_PATH)');
    return null;
  }
  return puppeteer.launch({ executablePath, headless: true, args: chromiumArgs });
}

/** The middle value (the upper one of the two middles for an even count). */
export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
