import { defineConfig } from 'vite';
import { existsSync, readdirSync } from 'node:fs';

// One entry per element registration (`pk-*.ts`) plus the index, so `@pivotkit/elements/pk-ribbon.js`
// loads only the ribbon and what it needs. lit, floating-ui and the SDK stay external: an application
// bundles them once.
const components = readdirSync('src/components');
const entry: Record<string, string> = { index: 'src/index.ts' };
// A folder without its registration file yet (pieces of an element still in progress) has no entry.
for (const c of components) {
  if (existsSync(`src/components/${c}/pk-${c}.ts`)) entry[`components/${c}/pk-${c}`] = `src/components/${c}/pk-${c}.ts`;
}

export default defineConfig({
  resolve: { conditions: ['source'] },
  build: {
    target: 'es2022',
    sourcemap: true,
    lib: { entry, formats: ['es'] },
    rolldownOptions: { external: [/^lit/, /^@lit\//, /^@floating-ui\//, /^@pivotkit\//] },
  },
});
