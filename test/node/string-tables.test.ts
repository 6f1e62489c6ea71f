// The English string tables are joined into one lookup when panels load (LocalizeController), so a key two tables
// share must mean the same thing in both: otherwise whichever table loads last wins, and one panel shows the
// other's wording.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import en from '../../packages/elements/src/i18n/en.js';
import { casebookEn } from '../../packages/elements/src/i18n/casebook.js';
import { ribbonEn } from '../../packages/elements/src/i18n/ribbon.js';
import { ribbonAppsEn } from '../../packages/elements/src/i18n/ribbon-apps.js';
import { ribbonPanelsEn } from '../../packages/elements/src/i18n/ribbon-panels.js';

test('no key of the English string tables has two different texts', () => {
  const tables: [string, Record<string, unknown>][] = [
    ['en', en as unknown as Record<string, unknown>],
    ['casebook', casebookEn as unknown as Record<string, unknown>],
    ['ribbon', ribbonEn as unknown as Record<string, unknown>],
    ['ribbon-panels', ribbonPanelsEn as unknown as Record<string, unknown>],
    ['ribbon-apps', ribbonAppsEn as unknown as Record<string, unknown>],
  ];
  const clashes: string[] = [];
  for (const [i, [a, ta]] of tables.entries()) {
    for (const [b, tb] of tables.slice(i + 1)) {
      for (const key of Object.keys(ta)) {
        if (!(key in tb) || key.startsWith('$')) continue;
        const [va, vb] = [ta[key], tb[key]];
        // Functions are compared by what they say for the same argument.
        const same =
          typeof va === 'function' && typeof vb === 'function'
            ? String(va('x', 'y')) === String(vb('x', 'y'))
            : va === vb;
        if (!same) clashes.push(`${key}: ${a} and ${b}`);
      }
    }
  }
  assert.deepEqual(clashes, []);
});
