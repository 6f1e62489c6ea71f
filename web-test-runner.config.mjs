// @web/test-runner: element tests (next to each element) and page-level browser tests (test/browser),
// in Debian's Chromium, headless. No browser is ever downloaded.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, requireChromium } from './scripts/lib/chromium.mjs';
import { emulatorPlugin } from './test/emulator-plugin.mjs';
import { moduleFaultPlugin } from './test/module-fault-plugin.mjs';

const require = createRequire(import.meta.url);
const mswWorker = readFileSync(require.resolve('msw/mockServiceWorker.js'), 'utf8');

/** Adds up leaf tests; prints `N passed, N failed, N skipped` at exit, or writes it for scripts/test-all.mjs. */
function countReporter() {
  let result;
  return {
    onTestRunFinished({ sessions }) {
      result = { passed: 0, failed: 0, skipped: 0 };
      const walk = (s) => {
        for (const t of s?.tests ?? []) result[t.skipped ? 'skipped' : t.passed ? 'passed' : 'failed']++;
        for (const c of s?.suites ?? []) walk(c);
      };
      for (const s of sessions) {
        walk(s.testResults);
        // A file that fails to load, or throws outside a test, has errors but no failed test.
        if (s.errors?.length || (!s.passed && !s.testResults)) result.failed++;
      }
    },
    // WTR repaints its terminal; a line printed by a reporter is lost, so write it at exit.
    start() {
      process.once('exit', () => {
        if (!result) return;
        if (process.env.PK_WTR_SUMMARY) writeFileSync(process.env.PK_WTR_SUMMARY, JSON.stringify(result));
        else process.stdout.write(`${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped\n`);
      });
    },
  };
}

export default {
  files: ['packages/elements/src/**/*.test.ts', 'test/browser/**/*.test.ts', '!test/browser/csp/**'],
  groups: [
    {
      // The elements must work on consoles that enforce Trusted Types: only lit-html's policy is allowed here.
      name: 'trusted-types',
      files: ['test/browser/csp/**/*.test.ts'],
      testRunnerHtml: (testFramework) => `<!doctype html>
<html>
  <head>
    <meta http-equiv="Content-Security-Policy" content="require-trusted-types-for 'script'; trusted-types lit-html" />
  </head>
  <body>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
    },
  ],
  nodeResolve: { browser: true, exportConditions: ['source', 'browser', 'development'] },
  middleware: [
    // msw's service worker must be served from the site root.
    async (ctx, next) => {
      if (ctx.path === '/mockServiceWorker.js') {
        ctx.type = 'application/javascript';
        ctx.body = mswWorker;
        return;
      }
      return next();
    },
  ],
  // esbuild reads the tsconfig file as is, without `extends`: point it at the one with the decorator settings.
  plugins: [
    emulatorPlugin(),
    moduleFaultPlugin(),
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.base.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: requireChromium(), headless: true, args: chromiumArgs },
    }),
  ],
  concurrency: 1,
  reporters: [defaultReporter(), countReporter()],
  testFramework: { config: { timeout: 5000 } },
};
