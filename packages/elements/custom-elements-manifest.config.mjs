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
      // The analyzer lists files in the order the file system gives them: sort by path, so that the same sources
      // give the same manifest on every machine and a diff shows only what changed.
      name: 'pk-stable-order',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules?.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      },
    },
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
    {
      // The analyzer lists `dispatchEvent(new PkXEvent(...))` as an event with no name when the class sets the
      // name itself; the element's `@fires` line documents it by name. Drop the nameless copy, and fail when no
      // `@fires` names an event of that class, so an undocumented event cannot slip into a release.
      name: 'pk-named-events-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules ?? []) {
          for (const d of mod.declarations ?? []) {
            if (!d.events) continue;
            for (const e of d.events.filter((x) => !x.name)) {
              const type = e.type?.text;
              if (!d.events.some((x) => x.name && x.type?.text === type))
                throw new Error(`${mod.path}: ${d.name} dispatches ${type} but no @fires line names it`);
            }
            d.events = d.events.filter((x) => x.name);
          }
        }
      },
    },
  ],
};
