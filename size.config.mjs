// Bundle-size budgets, min+gzip, with every dependency bundled in (lit, floating-ui, ky, zod, idb-keyval):
// what a page that loads the entry actually downloads. `pnpm size` checks them; CI fails when one is over.
// Weigh every new dependency against these.
export default [
  {
    name: 'Everything: ribbon, casebook, pivot menu, SDK, detection',
    entry: 'packages/elements/src/index.ts',
    limitKb: 60,
  },
  {
    name: 'Pivot menu + observable (pk-pivot-menu, pk-observable, pk-popup, verdict badge, lazy enrichment)',
    entry: [
      'packages/elements/src/components/pivot-menu/pk-pivot-menu.ts',
      'packages/elements/src/components/observable/pk-observable.ts',
    ],
    limitKb: 30,
  },
  {
    name: 'Detection alone (@pivotkit/sdk/detect, TLD list included)',
    entry: 'packages/sdk/src/detect/index.ts',
    limitKb: 25,
  },
];
