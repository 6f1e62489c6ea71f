// The packages as the registry would serve them: `pnpm pack` of each, installed into fresh projects in a temp
// folder (outside the workspace, so nothing resolves from its root), then the script-tag, React and React 18
// examples run from those installs in Chromium, and the React examples' TypeScript is checked against the packed
// types.
// Slow (builds, packs and installs): run by `pnpm test:pack`, a step of its own in .ci/run, not by `npm test`.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkReact18Example, checkReactExample, checkScriptTagExample } from '../e2e/checks.js';
import { freePort, openBrowser, root, startCommand } from '../e2e/support.js';

const PACKAGES = ['sdk', 'elements', 'server'] as const;
const tmp = mkdtempSync(join(tmpdir(), 'pivotkit-pack-'));
const tarballs: Record<string, string> = {};
const run = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

interface Manifest {
  name: string;
  exports: Record<string, string | Record<string, string>>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  customElements?: string;
  sideEffects?: boolean | string[];
}

function tarFiles(tgz: string): string[] {
  return run('tar', ['-tzf', tgz], tmp)
    .split('\n')
    .filter(Boolean)
    .map((f) => f.replace(/^package\//, ''));
}

function manifestOf(tgz: string): Manifest {
  return JSON.parse(run('tar', ['-xzOf', tgz, 'package/package.json'], tmp)) as Manifest;
}

/**
 * A project `name` depending on the tarballs, with every @pivotkit/* (also transitive) pinned to its tarball.
 * The script-tag and React examples share one (one install); the React 18 one needs its own React.
 */
function project(name: string, dependencies: Record<string, string>, devDependencies: Record<string, string>) {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  const files = Object.fromEntries(PACKAGES.map((p) => [`@pivotkit/${p}`, `file:${tarballs[p]}`]));
  const pin = (deps: Record<string, string>) =>
    Object.fromEntries(Object.entries(deps).map(([k, v]) => [k, files[k] ?? v]));
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      {
        name,
        private: true,
        type: 'module',
        dependencies: pin(dependencies),
        devDependencies: pin(devDependencies),
      },
      null,
      2,
    ),
  );
  writeFileSync(
    join(dir, 'pnpm-workspace.yaml'),
    [
      'overrides:',
      ...Object.entries(files).map(([k, v]) => `  '${k}': '${v}'`),
      'allowBuilds:',
      '  better-sqlite3: true',
      '  esbuild: true',
      'pmOnFail: ignore',
      '',
    ].join('\n'),
  );
  return dir;
}

/**
 * `pnpm install` in `dir`. better-sqlite3 (the server's database) compiles from C for minutes on a small machine;
 * when this repository's node_modules has the same version built for this Node, its binary is copied in instead
 * of compiling again (what is tested here is our packages, not better-sqlite3's build). Otherwise it is built,
 * with node-gyp pointed at the headers beside this Node as scripts/setup.mjs does.
 */
function install(dir: string) {
  const prefix = dirname(dirname(process.execPath));
  const env = { ...process.env };
  if (!env['npm_config_nodedir'] && existsSync(join(prefix, 'include', 'node', 'node.h')))
    env['npm_config_nodedir'] = prefix;
  const pnpm = (args: string[]) => {
    const res = spawnSync('pnpm', args, { cwd: dir, encoding: 'utf8', env });
    assert.equal(res.status, 0, `pnpm ${args.join(' ')} in ${dir} failed:\n${res.stdout}\n${res.stderr}`);
  };
  pnpm(['install', '--ignore-scripts']);
  const ours = dirname(createRequire(join(root, 'packages', 'server', 'x.js')).resolve('better-sqlite3/package.json'));
  const theirs = dirname(
    createRequire(join(realpathSync(join(dir, 'node_modules', '@pivotkit', 'server')), 'x.js')).resolve(
      'better-sqlite3/package.json',
    ),
  );
  const version = (d: string) =>
    (JSON.parse(readFileSync(join(d, 'package.json'), 'utf8')) as { version: string }).version;
  if (version(ours) === version(theirs) && existsSync(join(ours, 'build', 'Release', 'better_sqlite3.node'))) {
    cpSync(join(ours, 'build'), join(theirs, 'build'), { recursive: true });
  } else {
    pnpm(['rebuild', 'better-sqlite3']);
  }
}

describe('packed packages, installed outside the workspace', () => {
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let app: string;
  let app18: string;

  before(async () => {
    run('pnpm', ['build'], root);
    const out = join(tmp, 'tarballs');
    mkdirSync(out);
    for (const p of PACKAGES) run('pnpm', ['pack', '--pack-destination', out], join(root, 'packages', p));
    for (const f of readdirSync(out)) {
      const p = PACKAGES.find((x) => f.startsWith(`pivotkit-${x}-`));
      if (p) tarballs[p] = join(out, f);
    }
    const rootDev = (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }
    ).devDependencies;
    /** A project `name` with the dependencies of examples/`example` (and the server, TypeScript, Node's types). */
    const exampleProject = (name: string, example: string) => {
      const manifest = JSON.parse(readFileSync(join(root, 'examples', example, 'package.json'), 'utf8')) as {
        dependencies: Record<string, string>;
        devDependencies: Record<string, string>;
      };
      const dir = project(
        name,
        { ...manifest.dependencies, '@pivotkit/server': '*' },
        { ...manifest.devDependencies, typescript: rootDev['typescript']!, '@types/node': rootDev['@types/node']! },
      );
      cpSync(join(root, 'examples', '_lib'), join(dir, '_lib'), { recursive: true });
      mkdirSync(join(dir, example));
      for (const f of ['index.html', 'start.mjs', 'vite.config.ts', 'src']) {
        cpSync(join(root, 'examples', example, f), join(dir, example, f), { recursive: true });
      }
      return dir;
    };
    app = exampleProject('app', 'react');
    mkdirSync(join(app, 'script-tag'));
    for (const f of ['index.html', 'start.mjs'])
      cpSync(join(root, 'examples', 'script-tag', f), join(app, 'script-tag', f));
    // The page loads ./node_modules/…, as it does where the package is installed in its own folder.
    symlinkSync('../node_modules', join(app, 'script-tag', 'node_modules'));
    install(app);
    app18 = exampleProject('app18', 'react18');
    install(app18);
    browser = await openBrowser();
  });
  after(async () => {
    await browser?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('each tarball has its licence, README, typed exports, and no workspace: ranges', () => {
    for (const p of PACKAGES) {
      const files = tarFiles(tarballs[p]!);
      const m = manifestOf(tarballs[p]!);
      for (const f of ['LICENSE', 'README.md', 'package.json']) assert.ok(files.includes(f), `${m.name} lacks ${f}`);
      assert.ok(!files.some((f) => f.endsWith('.test.ts') || f.endsWith('.test.js')), `${m.name} ships tests`);
      for (const deps of [m.dependencies, m.peerDependencies]) {
        for (const [k, v] of Object.entries(deps ?? {})) assert.ok(!v.startsWith('workspace:'), `${m.name}: ${k}@${v}`);
      }
      assert.notEqual(m.sideEffects, undefined, `${m.name} says nothing of sideEffects`);
      for (const [key, target] of Object.entries(m.exports)) {
        if (typeof target === 'string') continue;
        assert.ok(target['types'], `${m.name} exports ${key} without types`);
        for (const cond of ['types', 'default']) {
          const file = target[cond]!.replace(/^\.\//, '');
          if (file.includes('*')) {
            // Every * stands for the same text (Node's subpath patterns): match it as a regular expression.
            const re = new RegExp(
              `^${file
                .split('*')
                .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
                .join('([^/]+)')}$`,
            );
            assert.ok(
              files.some((f) => re.test(f)),
              `${m.name}: nothing matches ${file}`,
            );
          } else assert.ok(files.includes(file), `${m.name}: ${key} → ${file} is not in the tarball`);
        }
      }
    }
    const elements = manifestOf(tarballs['elements']!);
    assert.equal(elements.customElements, 'custom-elements.json');
    assert.ok(tarFiles(tarballs['elements']!).includes('custom-elements.json'));
    assert.ok(tarFiles(tarballs['elements']!).includes('dist/pivotkit.js'));
    const server = manifestOf(tarballs['server']!);
    assert.ok(!server.dependencies?.['msw'], 'msw is a dependency of @pivotkit/server (it is needed only for /msw)');
  });

  it('runs the script-tag example from the installed tarballs', async () => {
    const dir = join(app, 'script-tag');
    const [port, apiPort] = [await freePort(), await freePort()];
    const started = await startCommand(process.execPath, ['start.mjs'], {
      cwd: dir,
      env: { PORT: String(port), API_PORT: String(apiPort) },
      ready: /script-tag example ready: (\S+)/,
    });
    try {
      const url = /script-tag example ready: (\S+)/.exec(started.output())![1]!;
      await checkScriptTagExample(browser.page, url, `http://localhost:${apiPort}`);
      assert.deepEqual(browser.errors, []);
    } finally {
      await browser.page.goto('about:blank');
      await started.stop();
    }
  });

  it('type-checks and runs the React example from the installed tarballs', async () => {
    const dir = join(app, 'react');
    // Every public entry point, with its types, as a consumer imports it.
    writeFileSync(
      join(dir, 'entry-points.ts'),
      [
        "import { createClient } from '@pivotkit/sdk';",
        "import { detectObservables } from '@pivotkit/sdk/detect';",
        "import { newCasebook } from '@pivotkit/sdk/schemas';",
        "import { configure, decorate } from '@pivotkit/elements';",
        "import { PkObservable } from '@pivotkit/elements/pk-observable.js';",
        "import * as standalone from '@pivotkit/elements/pivotkit.js';",
        "import type { startEmulatorServer } from '@pivotkit/server';",
        'export const all = [createClient, detectObservables, newCasebook, configure, decorate, PkObservable, standalone.createClient];',
        'export type Server = typeof startEmulatorServer;',
        '',
      ].join('\n'),
    );
    assert.ok(!existsSync(join(app, 'node_modules', 'msw')), 'msw was installed though nothing here needs it');
    typecheck(app, dir, ['src', 'entry-points.ts']);
    await runExample(dir, 'react', checkReactExample);
  });

  it('type-checks and runs the React 18 example (its wrappers, React 18) from the installed tarballs', async () => {
    const dir = join(app18, 'react18');
    typecheck(app18, dir, ['src']);
    await runExample(dir, 'react18', checkReact18Example);
  });

  /**
   * `tsc` of the project `dir` (installed in `project`) with a consumer's strict configuration, not this
   * repository's (which resolves the `source` condition to .ts). skipLibCheck off: the packed .d.ts files
   * themselves are checked.
   */
  function typecheck(project: string, dir: string, include: string[]) {
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'bundler',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          jsx: 'react-jsx',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          // @pivotkit/server is a Node package: its types use Node's.
          types: ['node'],
        },
        include,
      }),
    );
    const tsc = spawnSync(process.execPath, [join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], {
      cwd: dir,
      encoding: 'utf8',
    });
    assert.equal(tsc.status, 0, `tsc against the packed types:\n${tsc.stdout}${tsc.stderr}`);
  }

  /** Starts the example in `dir` with its `start.mjs` and runs `check` on the page it serves. */
  async function runExample(
    dir: string,
    name: string,
    check: (page: typeof browser.page, url: string, api: string) => Promise<void>,
  ) {
    const ready = new RegExp(`${name} example ready: (\\S+)`);
    const [port, apiPort] = [await freePort(), await freePort()];
    const started = await startCommand(process.execPath, ['start.mjs'], {
      cwd: dir,
      env: { PORT: String(port), API_PORT: String(apiPort) },
      ready,
    });
    try {
      const url = ready.exec(started.output())![1]!;
      await check(browser.page, url, `http://localhost:${apiPort}`);
      assert.deepEqual(browser.errors, []);
    } finally {
      await browser.page.goto('about:blank');
      await started.stop();
    }
  }
});
