// What a reporting page's first load carries (size.config.mjs's FIRST_LOAD, bundled as `pnpm size` does): the
// strings it shows, not those of the panels it may load later. Each panel's English comes in the chunks the
// panel's import() loads (its LocalizeController adds it to the built-in English).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { bundle, closure, mainChunk, root } from '../../scripts/lib/bundle.mjs';

const { FIRST_LOAD } = (await import(pathToFileURL(join(root, 'size.config.mjs')).href)) as { FIRST_LOAD: string[] };
const I18N = 'packages/elements/src/i18n/';
const PANEL_TABLES = [
  `${I18N}casebook.ts`,
  `${I18N}case-view.ts`,
  `${I18N}case-content.ts`,
  `${I18N}ribbon.ts`,
  `${I18N}ribbon-panels.ts`,
  `${I18N}ribbon-apps.ts`,
];
const CASEBOOK = 'packages/elements/src/components/casebook/';

const { outputs } = await bundle(FIRST_LOAD);
const inputsOf = (chunks: Iterable<string>) => new Set([...chunks].flatMap((c) => Object.keys(outputs[c]!.inputs)));
const initial = closure(outputs, mainChunk(outputs), { dynamic: false });

/** What a page that loads `entry` gets with it, before any import(): the modules of its static chunks. */
async function ownInputsOf(entry: string): Promise<Set<string>> {
  const b = await bundle([entry]);
  const chunks = closure(b.outputs, mainChunk(b.outputs), { dynamic: false });
  return new Set([...chunks].flatMap((c) => Object.keys(b.outputs[c]!.inputs)));
}
/** zod itself, or one of the SDK's reply schemas. */
const isZodOrSchema = (i: string) => /node_modules\/.*\/zod\//.test(i) || i.startsWith('packages/sdk/src/schemas/');

test('the first load has the shared English strings and no panel strings', () => {
  const inputs = inputsOf(initial);
  assert.ok(inputs.has(`${I18N}en.ts`), 'en.ts (the first load’s strings) is in the first load');
  for (const table of PANEL_TABLES) assert.ok(!inputs.has(table), `${table} is not in the first load`);
});

test('what the first load can import() later (the pivot menu) carries no panel strings either', () => {
  const later = inputsOf([...closure(outputs, mainChunk(outputs), { dynamic: true })].filter((c) => !initial.has(c)));
  for (const table of PANEL_TABLES) assert.ok(!later.has(table), `${table} is not in the pivot menu’s chunks`);
});

test('each panel’s English loads with the panel', async () => {
  const panels: [string, string[]][] = [
    [`${CASEBOOK}pk-casebook.ts`, [`${I18N}casebook.ts`]],
    [`${CASEBOOK}case-view.ts`, [`${I18N}casebook.ts`, `${I18N}case-view.ts`]],
    [`${CASEBOOK}investigate/pk-case-investigation.ts`, [`${I18N}case-content.ts`]],
    ['packages/elements/src/components/ribbon/pk-ribbon.ts', [`${I18N}ribbon.ts`]],
    ['packages/elements/src/components/orbital/pk-orbital.ts', [`${I18N}ribbon-apps.ts`]],
    ['packages/elements/src/components/home/pk-home.ts', [`${I18N}ribbon.ts`, `${I18N}ribbon-panels.ts`]],
  ];
  for (const [panel, tables] of panels) {
    const inputs = await ownInputsOf(panel);
    for (const table of tables) assert.ok(inputs.has(table), `${table} loads with ${panel}`);
    // And no other panel's table: the ribbon took the casebook's 7 kB of English for its Retry button once.
    for (const other of PANEL_TABLES.filter((t) => !tables.includes(t)))
      assert.ok(!inputs.has(other), `${other} does not load with ${panel}`);
  }
});

test('the first load carries no zod and no reply schema: the client imports its reply checks on its first call', () => {
  const inputs = [...inputsOf(initial)];
  assert.deepEqual(inputs.filter(isZodOrSchema), []);
  const later = inputsOf([...closure(outputs, mainChunk(outputs), { dynamic: true })].filter((c) => !initial.has(c)));
  assert.ok(later.has('packages/sdk/src/internal/checks.ts'), 'the checks are a chunk the first load can import()');
  assert.ok(
    [...later].some((i) => /node_modules\/.*\/zod\//.test(i)),
    'zod comes with them',
  );
});

test('the first load carries no idb-keyval: the verdict cache imports it when it is first read or written', () => {
  const isIdb = (i: string) => /node_modules\/.*\/idb-keyval\//.test(i);
  assert.deepEqual([...inputsOf(initial)].filter(isIdb), []);
  const later = inputsOf([...closure(outputs, mainChunk(outputs), { dynamic: true })].filter((c) => !initial.has(c)));
  assert.ok([...later].some(isIdb), 'idb-keyval is a chunk the first load can import()');
});

test('no panel loads zod or a schema with its own code: what checks replies or imports comes with import()', async () => {
  // Through the SDK index's `schemas` namespace, a panel importing anything from the index statically got every
  // schema and zod in its own load (the casebook: 55.5 kB instead of 46.7), as soon as one of its lazy chunks
  // used `schemas`. Code that needs them imports `@pivotkit/sdk/schemas`.
  const panels = [
    'packages/elements/src/components/casebook/pk-casebook.ts',
    'packages/elements/src/components/ribbon/pk-ribbon.ts',
    'packages/elements/src/components/enrich-search/pk-enrich-search.ts',
    'packages/elements/src/components/find-observables/pk-find-observables.ts',
    'packages/elements/src/components/incidents/pk-incidents.ts',
    'packages/elements/src/components/orbital/pk-orbital.ts',
  ];
  for (const panel of panels) {
    const own = [...(await ownInputsOf(panel))];
    assert.deepEqual(own.filter(isZodOrSchema), [], `${panel} loads no zod and no schema with its own code`);
  }
});

test('the casebook panel loads its case view with import(): the case list does not wait for it', async () => {
  const own = await ownInputsOf(`${CASEBOOK}pk-casebook.ts`);
  const later = [
    `${CASEBOOK}case-view.ts`,
    `${CASEBOOK}case-view.styles.ts`,
    `${CASEBOOK}case-edits.ts`,
    `${CASEBOOK}markdown/markdown.styles.ts`,
    `${CASEBOOK}provenance.ts`,
    'packages/elements/src/components/verdict-badge/verdict-badge.ts',
  ];
  for (const file of later) assert.ok(!own.has(file), `${file} is not in the panel's own load`);
  const b = await bundle([`${CASEBOOK}pk-casebook.ts`]);
  const all = closure(b.outputs, mainChunk(b.outputs), { dynamic: true });
  const loadable = new Set([...all].flatMap((c) => Object.keys(b.outputs[c]!.inputs)));
  for (const file of later) assert.ok(loadable.has(file), `${file} is a chunk the panel can import()`);
});

test('the ribbon’s bar loads no @lit/task: its Casebook count’s controller loads after the bar shows', async () => {
  const own = [...(await ownInputsOf('packages/elements/src/components/ribbon/pk-ribbon.ts'))];
  assert.deepEqual(
    own.filter((i) => /node_modules\/.*\/@lit\/task\//.test(i)),
    [],
  );
});

test('the ribbon’s bar loads its panel with import(): the splitter, the panel’s styles and the app loading', async () => {
  const RIBBON = 'packages/elements/src/components/ribbon/';
  const own = await ownInputsOf(`${RIBBON}pk-ribbon.ts`);
  const later = [`${RIBBON}panel.ts`, `${RIBBON}panel.styles.ts`, `${RIBBON}splitter-controller.ts`];
  for (const file of later) assert.ok(!own.has(file), `${file} is not in the ribbon's own load`);
  const b = await bundle([`${RIBBON}pk-ribbon.ts`]);
  const all = closure(b.outputs, mainChunk(b.outputs), { dynamic: true });
  const loadable = new Set([...all].flatMap((c) => Object.keys(b.outputs[c]!.inputs)));
  for (const file of later) assert.ok(loadable.has(file), `${file} is a chunk the ribbon can import()`);
});

test('the ribbon’s bar loads none of lit’s decorators: it declares its properties in `static properties`', async () => {
  const own = [...(await ownInputsOf('packages/elements/src/components/ribbon/pk-ribbon.ts'))];
  assert.deepEqual(
    own.filter((i) => /node_modules\/.*\/@lit\/reactive-element\/decorators\//.test(i)),
    [],
  );
});
