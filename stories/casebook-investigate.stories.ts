import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Casebook, Observable, PivotkitClient } from '@pivotkit/sdk';
import '../packages/elements/src/components/casebook/investigate/pk-case-investigation.js';
import type { PkCaseInvestigation } from '../packages/elements/src/components/casebook/investigate/pk-case-investigation.js';
import { storyClient, type EmulatorParameters, type StoryClientOptions } from './support/emulator.js';

// The emulator's demo values (packages/server/README.md): malicious, disputed, suspicious, clean, unknown, and
// values no module knows.
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

interface Args {
  casebook: Casebook;
  modules: string[];
}
type Loaded = { loaded: { client?: PivotkitClient } };
type Parameters = EmulatorParameters & { client?: StoryClientOptions };

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
  // The story's client: the real SDK, of the in-page emulator (signed in unless the story says otherwise).
  loaders: [async ({ parameters }) => ({ client: await storyClient((parameters as Parameters).client) })],
  render: (a, { loaded }: Loaded) =>
    html`<pk-case-investigation
      .casebook=${a.casebook}
      .client=${loaded.client}
      .modules=${a.modules}
    ></pk-case-investigation>`,
  argTypes: { casebook: { control: 'object' } },
  args: { casebook: caseOf('amber'), modules: [] },
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj<Args>;

/** Before anything is sent: the action, its hint, and the console link. */
export const Playground: Story = {};

/** The results: counts, disagreements, the relations picture (arrow keys move, Enter pins), table, sightings. */
export const Results: Story = { play: start };

/** While it runs: progress by batch, and Cancel (each enrichment reply takes the emulator 2.5 s). */
export const Running: Story = {
  parameters: { emulator: { faults: { latencyMs: 2500, paths: ['/iroh/iroh-enrich'] } } } satisfies Parameters,
  args: {
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
export const SignedOut: Story = { parameters: { client: { signedIn: false } } satisfies Parameters };

/** Signed in without an enrich scope: which scope is missing. */
export const MissingScope: Story = { parameters: { client: { scope: 'casebook' } } satisfies Parameters };

/** A case with no observables. */
export const Empty: Story = { args: { casebook: caseOf('green', []) } };
