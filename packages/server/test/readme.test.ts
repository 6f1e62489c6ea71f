// The README's tables stay true: every demo value and module it documents is the one the emulator serves.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DEMO_CLIENT } from '../src/emulator/auth.js';
import { ACTIONS, DEMO_OBSERVABLES, MODULES } from '../src/emulator/intel.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('packages/server/README.md', () => {
  it('lists every demo observable', () => {
    for (const d of DEMO_OBSERVABLES) assert.ok(readme.includes(`| ${d.type} | \`${d.value}\` |`), d.value);
  });

  it('names every module, every action and the demo credentials', () => {
    for (const m of MODULES) assert.ok(readme.includes(m.module), m.module);
    for (const a of ACTIONS) assert.ok(readme.includes(a.title.replace(/ this .*/, '')), a.title);
    assert.ok(readme.includes(DEMO_CLIENT.clientId) && readme.includes(DEMO_CLIENT.clientSecret));
  });
});
