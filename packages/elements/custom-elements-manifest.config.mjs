// The Custom Elements Manifest (custom-elements.json) is generated from the elements' JSDoc; Storybook's
// docs and argTypes read it. `pnpm analyze` regenerates it.
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  plugins: [
    {
      // Private members (`#x`, `private _x`) are not API: keep them out of the manifest and Storybook's tables.
      name: 'pk-drop-private-members',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules ?? []) {
          for (const d of mod.declarations ?? []) {
            if (d.members) d.members = d.members.filter((m) => m.privacy !== 'private' && !m.name.startsWith('#'));
          }
        }
      },
    },
  ],
};
