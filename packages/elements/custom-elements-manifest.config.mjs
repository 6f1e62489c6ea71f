// The Custom Elements Manifest (custom-elements.json) is generated from the elements' JSDoc; Storybook's
// docs and argTypes read it. `pnpm analyze` regenerates it.
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
};
