// The API reference stays complete: every part a component's templates use, and every custom property its
// styles read, is documented in its class JSDoc (`@csspart`, `@cssproperty`), as custom-elements.json has it.
// Run `pnpm analyze` after changing the JSDoc; a stale manifest fails here too.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'packages', 'elements');
const components = join(pkg, 'src', 'components');

interface Declaration {
  name?: string;
  tagName?: string;
  events?: { name?: string; type?: { text?: string } }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
}
const manifest = JSON.parse(readFileSync(join(pkg, 'custom-elements.json'), 'utf8')) as {
  modules: { path: string; declarations?: Declaration[] }[];
};

/** Parts a template sets: `part="a b"`, `part=${x ? 'a' : 'b c'}`, and the names `exportparts` exposes. */
export function partsUsedIn(source: string): Set<string> {
  const used = new Set<string>();
  for (const m of source.matchAll(/(?<![\w-])part=(?:"([^"]*)"|\$\{((?:[^{}]|\{[^{}]*\})*)\})/g)) {
    const text =
      m[1] ?? [...(m[2] ?? '').matchAll(/'([^']*)'|"([^"]*)"|`([^`$]*)`/g)].map((s) => s[1] ?? s[2] ?? s[3]).join(' ');
    for (const p of text.split(/\s+/)) if (p) used.add(p);
  }
  for (const m of source.matchAll(/exportparts="([^"]*)"/g)) {
    for (const entry of m[1]!.split(',')) {
      const name = entry.split(':').at(-1)!.trim();
      if (name) used.add(name);
    }
  }
  return used;
}

/** Custom properties read with `var(--x…)` that are neither internal (`--_x`) nor global tokens (`--pk-x`). */
export function propertiesReadIn(source: string): Set<string> {
  const read = new Set<string>();
  for (const m of source.matchAll(/var\(\s*(--[\w-]+)/g)) {
    const name = m[1]!;
    if (!name.startsWith('--_') && !name.startsWith('--pk-')) read.add(name);
  }
  return read;
}

/** Whether `used` is documented; a dynamic part (`tlp--${tlp}`) needs a documented part with its prefix. */
function documented(used: string, names: Set<string>): boolean {
  const dynamic = used.indexOf('${');
  if (dynamic < 0) return names.has(used);
  const prefix = used.slice(0, dynamic);
  return [...names].some((n) => n.startsWith(prefix));
}

const folders = readdirSync(components, { withFileTypes: true }).filter((d) => d.isDirectory());

for (const folder of folders) {
  const prefix = `src/components/${folder.name}/`;
  const elements = manifest.modules
    .filter((m) => m.path.startsWith(prefix) && !m.path.slice(prefix.length).includes('/'))
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.tagName);
  if (!elements.length) continue;
  const files = readdirSync(join(components, folder.name), { withFileTypes: true })
    .filter(
      (f) => f.isFile() && f.name.endsWith('.ts') && !f.name.endsWith('.test.ts') && !f.name.endsWith('.stories.ts'),
    )
    .map((f) => readFileSync(join(components, folder.name, f.name), 'utf8'));
  const documentedParts = new Set(elements.flatMap((e) => (e.cssParts ?? []).map((p) => p.name)));
  const documentedProps = new Set(elements.flatMap((e) => (e.cssProperties ?? []).map((p) => p.name)));

  test(`${folder.name}: every part its templates use is documented`, () => {
    const used = new Set(files.flatMap((f) => [...partsUsedIn(f)]));
    const missing = [...used].filter((p) => !documented(p, documentedParts)).sort();
    assert.deepEqual(missing, [], `undocumented parts in ${prefix}: add @csspart lines and run pnpm analyze`);
  });

  test(`${folder.name}: every custom property its styles read is documented or internal (--_x)`, () => {
    const read = new Set(files.flatMap((f) => [...propertiesReadIn(f)]));
    const missing = [...read].filter((p) => !documentedProps.has(p)).sort();
    assert.deepEqual(missing, [], `undocumented custom properties in ${prefix}: add @cssproperty or rename to --_x`);
  });
}

test('the part scanner finds literal, conditional and exported parts (and so can fail)', () => {
  const src =
    'html`<div part="a b"></div><p part=${x ? \'c c--on\' : \'c\'}></p><pk-x exportparts="popup, title: d__title"></pk-x>`';
  assert.deepEqual([...partsUsedIn(src)].sort(), ['a', 'b', 'c', 'c--on', 'd__title', 'popup']);
  assert.deepEqual([...propertiesReadIn('a{width:var(--width);color:var(--_fg);x:var(--pk-y)}')], ['--width']);
});

test('every event an element fires is documented with its name and its event class', () => {
  const incomplete = manifest.modules.flatMap((m) =>
    (m.declarations ?? [])
      .filter((d) => d.tagName)
      .flatMap((d) =>
        (d.events ?? []).filter((e) => !e.name || !e.type?.text).map((e) => `${d.name}: ${e.name ?? '?'}`),
      ),
  );
  assert.deepEqual(incomplete, [], 'write @event {PkXEvent} pk-x - … in the class JSDoc and run pnpm analyze');
});
