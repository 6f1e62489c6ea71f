import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import {
  deriveVerdicts,
  dispositionName,
  observableKey,
  type Casebook,
  type Disposition,
  type ModuleResult,
  type Observable,
  type PivotkitClient,
  type Sighting,
} from '@pivotkit/sdk';
import '../packages/elements/src/components/casebook/investigate/pk-case-investigation.js';
import type { PkCaseInvestigation } from '../packages/elements/src/components/casebook/investigate/pk-case-investigation.js';
import { fakeClient } from './support/fake-client.js';

// What each story module says about each observable (absent: the module does not know it), and its sightings.
const OPINIONS: Record<string, Record<string, Disposition>> = {
  'Reputation Feed': {
    'domain:evil.example.net': 2,
    'domain:disputed.example.com': 1,
    'domain:cisco.com': 1,
    'ip:198.51.100.7': 2,
    'domain:phish.example.org': 3,
    'url:http://evil.example.net/payload.exe': 2,
    'email:attacker@evil.example.net': 2,
    'domain:unknown.example.org': 5,
  },
  'DNS Shield': {
    'domain:evil.example.net': 2,
    'domain:disputed.example.com': 2,
    'domain:cisco.com': 1,
    'ip:198.51.100.7': 2,
    'domain:phish.example.org': 3,
  },
  'Endpoint Guard': {
    'ip:198.51.100.7': 2,
    'sha256:275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f': 2,
  },
};
const SIGHTINGS: Record<string, string[]> = {
  'DNS Shield': ['domain:evil.example.net', 'domain:evil.example.net', 'domain:disputed.example.com'],
  'Endpoint Guard': ['ip:198.51.100.7', 'sha256:275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f'],
};

const OBSERVABLES: Observable[] = [
  { type: 'domain', value: 'evil.example.net' },
  { type: 'domain', value: 'disputed.example.com' },
  { type: 'ip', value: '198.51.100.7' },
  { type: 'url', value: 'http://evil.example.net/payload.exe' },
  { type: 'email', value: 'attacker@evil.example.net' },
  { type: 'domain', value: 'phish.example.org' },
  { type: 'sha256', value: '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f' },
  { type: 'domain', value: 'cisco.com' },
  { type: 'domain', value: 'unknown.example.org' },
  { type: 'ip', value: '192.0.2.44' },
];

const wait = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), reject(signal.reason)));
  });

/** The stories' client: the signed-in fake client, with enrichment that knows the opinions above. */
function investigationClient(opts: { delay?: number; scopes?: string[]; signedIn?: boolean } = {}): PivotkitClient {
  const base = fakeClient({ scopes: opts.scopes, signedIn: opts.signedIn });
  const modulesFor = (obs: Observable[], withSightings: boolean): ModuleResult[] =>
    Object.entries(OPINIONS).map(([module, said], i) => {
      const known = obs.filter((o) => said[observableKey(o)] !== undefined);
      const sightings: Sighting[] = withSightings
        ? (SIGHTINGS[module] ?? [])
            .map((k, n) => ({ k, n, o: known.find((o) => observableKey(o) === k) }))
            .filter((x) => x.o)
            .map(({ n, o }) => ({
              id: `transient:sighting-${module}-${n}`,
              type: 'sighting',
              count: n + 1,
              confidence: 'High',
              title: `${module} saw ${o!.value}`,
              observed_time: { start_time: `2026-12-0${(n % 3) + 1}T0${n}:15:00.000Z` },
              observables: [o!],
            }))
        : [];
      return {
        module,
        moduleInstanceId: `story-${i}`,
        moduleTypeId: `story-${i}`,
        verdicts: known.map((observable) => ({
          type: 'verdict' as const,
          disposition: said[observableKey(observable)]!,
          disposition_name: dispositionName(said[observableKey(observable)]!),
          observable,
          valid_time: {},
        })),
        judgements: [],
        sightings,
        raw: {},
      };
    });
  const result = async (obs: Observable[], signal: AbortSignal | undefined, withSightings: boolean) => {
    await wait(opts.delay ?? 150, signal);
    const modules = modulesFor(obs, withSightings);
    const verdicts = deriveVerdicts(modules);
    return {
      modules,
      errors: [],
      verdicts,
      verdictFor: (o: Observable) => verdicts.find((v) => observableKey(v.observable) === observableKey(o)),
    };
  };
  return {
    ...base,
    enrich: {
      deliberate: (obs, o) => result(obs, o?.signal, false),
      observe: (obs, o) => result(obs, o?.signal, true),
      async refer(obs, o) {
        await wait(opts.delay ?? 150, o?.signal);
        return {
          links: obs.map((x, i) => ({
            module: 'Reputation Feed',
            moduleInstanceId: 'story-0',
            id: `ref-${i}`,
            title: 'Search the feed',
            description: '',
            url: `https://feed.example/search?q=${encodeURIComponent(x.value)}`,
            categories: [],
          })),
          errors: [],
        };
      },
    },
  };
}

interface Args {
  casebook: Casebook;
  client: PivotkitClient;
  modules: string[];
}

const caseOf = (tlp: Casebook['tlp'], observables = OBSERVABLES): Casebook => ({
  id: 'casebook-5e1c0c2e-7c45-4b1f-9d6a-0d2f1e0c9a11',
  longId: 'https://private.intel.amp.cisco.com:443/ctia/casebook/casebook-5e1c0c2e-7c45-4b1f-9d6a-0d2f1e0c9a11',
  type: 'casebook',
  schema_version: '1.3.29',
  title: 'Command-and-control traffic to evil.example.net',
  tlp,
  observables,
});

const start = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const el = canvasElement.querySelector<PkCaseInvestigation>('pk-case-investigation')!;
  await el.updateComplete;
  el.start();
};

const meta: Meta<Args> = {
  title: 'Casebook/Investigate this case',
  component: 'pk-case-investigation',
  render: (a) =>
    html`<pk-case-investigation
      .casebook=${a.casebook}
      .client=${a.client}
      .modules=${a.modules}
    ></pk-case-investigation>`,
  argTypes: { client: { control: false }, casebook: { control: 'object' } },
  args: { casebook: caseOf('amber'), client: investigationClient(), modules: [] },
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj<Args>;

/** Before anything is sent: the action, its hint, and the console link. */
export const Playground: Story = {};

/** The results: counts, disagreements, the relations picture (arrow keys move, Enter pins), table, sightings. */
export const Results: Story = { play: start };

/** While it runs: progress by batch, and Cancel. */
export const Running: Story = {
  args: {
    client: investigationClient({ delay: 2500 }),
    casebook: caseOf('green', [
      ...OBSERVABLES,
      ...Array.from({ length: 60 }, (_, i) => ({ type: 'ip', value: `192.0.2.${i + 100}` })),
    ]),
  },
  play: start,
};

/** Many observables: the picture shows the worst thirty and a "more" node; the table lists them all. */
export const ManyObservables: Story = {
  args: {
    client: investigationClient({ delay: 50 }),
    casebook: caseOf('green', [
      ...OBSERVABLES,
      ...Array.from({ length: 120 }, (_, i) => ({ type: 'ip', value: `192.0.2.${i + 1}` })),
    ]),
  },
  play: start,
};

/** TLP red: nothing is sent until the action that names the modules. */
export const TlpRed: Story = {
  args: { casebook: caseOf('red'), modules: ['Reputation Feed', 'DNS Shield', 'Endpoint Guard'] },
};

/** Signed out: the shared sign-in prompt. */
export const SignedOut: Story = { args: { client: investigationClient({ signedIn: false }) } };

/** Signed in without an enrich scope: which scope is missing. */
export const MissingScope: Story = { args: { client: investigationClient({ scopes: ['casebook'] }) } };

/** A case with no observables. */
export const Empty: Story = { args: { casebook: caseOf('green', []) } };
