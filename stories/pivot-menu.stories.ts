import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { HttpResponse, http } from 'msw';
import type { Observable, PivotkitClient } from '@pivotkit/sdk';
import '@pivotkit/elements/pk-pivot-menu.js';
import type { PkPivotMenu } from '@pivotkit/elements/pk-pivot-menu.js';
import { API, storyClient, type EmulatorParameters, type StoryClientOptions } from './support/emulator.js';

interface Args {
  observable: Observable;
  /** `false`: no client (signed out). */
  signedIn: boolean;
}
type Loaded = { loaded: { client?: PivotkitClient } };

// The emulator's demo values (packages/server/README.md, "Demo values"): each gives the same answer every time.
const domain = (value: string): Observable => ({ type: 'domain', value });
const EVIL = domain('evil.example.net');

// Clicking the button opens the menu on it; the stories' `play` opens it straight away on the canvas.
const render = (a: Args, { loaded }: Loaded) =>
  html`<button
      type="button"
      @click=${(e: Event) => {
        const menu = (e.currentTarget as HTMLElement).nextElementSibling as PkPivotMenu;
        menu.anchor = e.currentTarget as HTMLElement;
        void menu.show();
      }}
    >
      ${a.observable.value.length > 40 ? `${a.observable.value.slice(0, 37)}…` : a.observable.value} ▾
    </button>
    <pk-pivot-menu .observable=${a.observable} .client=${loaded.client}></pk-pivot-menu>`;

/** The story's client: the real SDK, signed in to the in-page emulator (none when signed out). */
const clientLoader = async ({ args, parameters }: { args: Args; parameters: { client?: StoryClientOptions } }) => ({
  client: args.signedIn ? await storyClient(parameters.client) : undefined,
});

const meta: Meta<Args> = {
  title: 'Elements/Pivot menu',
  component: 'pk-pivot-menu',
  render,
  argTypes: { observable: { control: 'object' } },
  args: { observable: EVIL, signedIn: true },
  loaders: [clientLoader],
  play: async ({ canvasElement }) => {
    canvasElement.querySelector('button')?.click();
  },
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj<Args>;

const server = (p: EmulatorParameters & { client?: StoryClientOptions }) => p;

export const Playground: Story = {};

/** No client, or no session: a sign-in item that fires `pk-request-sign-in`, and Copy. */
export const SignedOut: Story = { args: { signedIn: false } };

/** Modules have not answered yet (the emulator holds every enrich and response reply back). */
export const Loading: Story = {
  parameters: server({
    client: { timeout: false },
    emulator: { faults: { latencyMs: 3_600_000, paths: ['/iroh/iroh-enrich', '/iroh/iroh-response'] } },
  }),
};

/** Modules answer one after the other (the emulator's per-module latency). */
export const Progressive: Story = {
  args: { observable: { type: 'ip', value: '198.51.100.7' } },
  parameters: server({
    client: { learnModules: true },
    emulator: { faults: { moduleLatencyMs: { 'Reputation Feed': 300, 'DNS Shield': 1200, 'Endpoint Guard': 2400 } } },
  }),
};

/** One disposition, from the emulator's demo values. */
const oneVerdict = (value: string): Story => ({ args: { observable: domain(value) } });
export const Clean = oneVerdict('cisco.com');
export const Malicious = oneVerdict('evil.example.net');
export const Suspicious = oneVerdict('phish.example.org');
export const Common = oneVerdict('example.com');
export const Unknown = oneVerdict('unknown.example.org');

/** One module says Malicious, another Clean: the menu says so instead of merging them. */
export const ModulesDisagree = oneVerdict('disputed.example.com');

/** A module fails (DNS Shield times out upstream): its error shows beside the module that answered. */
export const ModuleError = oneVerdict('module-error.example.com');

/** The token lacks the response and casebook scopes: those sections are disabled, with the reason. */
export const MissingScope: Story = { parameters: { client: { scope: 'enrich:read' } } };

/** Long values are truncated in the middle; the full value is in the tooltip and read by screen readers. */
export const LongValues: Story = {
  args: {
    observable: {
      type: 'url',
      value:
        'https://login.example-bank-secure-verify.example/session/refresh/continue?redirect=%2Faccount%2Fstatements&token=7d5a0c0e3f',
    },
  },
};

export const LongHash: Story = {
  args: { observable: { type: 'sha256', value: '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f' } },
};

// A module no real service has: its name is markup, and its refer link a `javascript:` URL.
const EVIL_MODULE = { module: '<b>Evil module</b>', module_instance_id: 'evil-module', module_type_id: 'evil-module' };

/** A hostile value, module name and `javascript:` refer URL: all shown as text, never as markup or a link. */
export const HostileContent: Story = {
  args: { observable: domain('<img src=x onerror=alert(1)>.example') },
  parameters: server({
    msw: {
      handlers: [
        http.post(`${API}/iroh/iroh-enrich/deliberate/observables`, async ({ request }) => {
          const observables = (await request.json()) as Observable[];
          const docs = observables.map((observable) => ({
            type: 'verdict',
            disposition: 2,
            disposition_name: 'Malicious',
            observable,
            valid_time: {},
          }));
          return HttpResponse.json({
            data: [{ ...EVIL_MODULE, module_instance_state: 'ok', data: { verdicts: { count: docs.length, docs } } }],
            errors: [],
          });
        }),
        http.post(`${API}/iroh/iroh-enrich/refer/observables`, () =>
          HttpResponse.json({
            data: [
              {
                ...EVIL_MODULE,
                id: 'ref-evil',
                title: 'Click me',
                description: '<script>alert(1)</script>',
                url: 'javascript:alert(document.domain)',
                categories: [],
              },
            ],
            errors: [],
          }),
        ),
        http.post(`${API}/iroh/iroh-response/respond/observables`, () => HttpResponse.json({ data: [], errors: [] })),
      ],
    },
  }),
};

/**
 * Host items: `menu.items = [{ id, label, section?, run(observable) }]` (or `setPivotMenuItems()` for the shared
 * menu). Labels are text, never HTML.
 */
export const HostItems: Story = {
  play: async ({ canvasElement }) => {
    const menu = canvasElement.querySelector('pk-pivot-menu')!;
    menu.items = [
      { id: 'ticket', label: (o) => `Open a ticket for ${o.value}`, run: (o) => console.warn('ticket for', o) },
      { id: 'siem', label: 'Search the SIEM', section: 'pivot', run: () => {} },
    ];
    canvasElement.querySelector('button')?.click();
  },
};

/**
 * Keyboard: ArrowDown/ArrowUp move (and wrap), Home/End jump, a letter jumps to the next item starting with it,
 * Enter or Space runs an item, Escape closes and puts focus back on the button, Tab closes and moves on.
 * A response action asks for confirmation first; destructive ones focus Cancel.
 */
export const Keyboard: Story = { args: { observable: domain('phish.example.org') }, play: () => {} };
