import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Disposition, Observable, PivotkitClient } from '@pivotkit/sdk';
import '@pivotkit/elements/pk-pivot-menu.js';
import type { PkPivotMenu } from '@pivotkit/elements/pk-pivot-menu.js';
import { fakeClient, type FakeOptions } from './support/fake-client.js';

interface Args {
  observable: Observable;
  client: PivotkitClient | undefined;
}

const ip: Observable = { type: 'ip', value: '203.0.113.77' };
const LINKS: FakeOptions['links'] = [
  {
    module: 'Threat Grid',
    title: 'Search in Threat Grid',
    url: 'https://panacea.threatgrid.com/search?q=203.0.113.77',
  },
  {
    module: 'Umbrella',
    title: 'Investigate in Umbrella',
    url: 'https://investigate.umbrella.com/ip-view/203.0.113.77',
  },
  { module: 'Umbrella', title: 'Umbrella activity', url: 'https://dashboard.umbrella.com/' },
];
const ACTIONS: FakeOptions['actions'] = [
  { module: 'Umbrella', id: 'umbrella-block', title: 'Block in Umbrella' },
  { module: 'Secure Endpoint', id: 'se-isolate', title: 'Isolate host' },
];
const full = (extra: FakeOptions = {}): FakeOptions => ({ links: LINKS, actions: ACTIONS, ...extra });

// Clicking the button opens the menu on it; the stories' `play` opens it straight away on the canvas.
const render = (a: Args) =>
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
    <pk-pivot-menu .observable=${a.observable} .client=${a.client}></pk-pivot-menu>`;

const meta: Meta<Args> = {
  title: 'Elements/Pivot menu',
  component: 'pk-pivot-menu',
  render,
  argTypes: { client: { control: false }, observable: { control: 'object' } },
  args: { observable: ip, client: fakeClient(full({ modules: [{ module: 'Umbrella', disposition: 2 }] })) },
  play: async ({ canvasElement }) => {
    canvasElement.querySelector('button')?.click();
  },
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj<Args>;

export const Playground: Story = {};

/** No client, or no session: a sign-in item that fires `pk-request-sign-in`, and Copy. */
export const SignedOut: Story = { args: { client: undefined } };

/** Modules have not answered yet. */
export const Loading: Story = {
  args: { client: fakeClient(full({ delay: Infinity, modules: [{ module: 'Umbrella', delay: Infinity }] })) },
};

/** Modules answer one after the other. */
export const Progressive: Story = {
  args: {
    client: fakeClient(
      full({
        modules: [
          { module: 'Umbrella', disposition: 2, delay: 300 },
          { module: 'Threat Grid', disposition: 2, delay: 1200 },
          { module: 'Talos Intelligence', disposition: 2, delay: 2400 },
        ],
      }),
    ),
  },
};

/** One module answering with one disposition. */
const oneVerdict = (disposition: Disposition): Story => ({
  args: { client: fakeClient(full({ modules: [{ module: 'Umbrella', disposition }] })) },
});
export const Clean = oneVerdict(1);
export const Malicious = oneVerdict(2);
export const Suspicious = oneVerdict(3);
export const Common = oneVerdict(4);
export const Unknown = oneVerdict(5);

/** One module says Malicious, another Clean: the menu says so instead of merging them. */
export const ModulesDisagree: Story = {
  args: {
    client: fakeClient(
      full({
        modules: [
          { module: 'Umbrella', disposition: 2, delay: 100 },
          { module: 'Talos Intelligence', disposition: 1, delay: 200 },
          { module: 'Threat Grid', disposition: 5, delay: 300 },
        ],
      }),
    ),
  },
};

/** A module fails: its error shows beside the modules that answered. */
export const ModuleError: Story = {
  args: {
    client: fakeClient(
      full({
        modules: [
          { module: 'Umbrella', disposition: 3, delay: 100 },
          { module: 'VirusTotal', error: 'Rate limit exceeded (429); try again in a minute', delay: 200 },
        ],
      }),
    ),
  },
};

/** The token lacks the response and casebook scopes: those sections are disabled, with the reason. */
export const MissingScope: Story = {
  args: {
    client: fakeClient(full({ scopes: ['enrich:read'], modules: [{ module: 'Umbrella', disposition: 4 }] })),
  },
};

/** Long values are truncated in the middle; the full value is in the tooltip and read by screen readers. */
export const LongValues: Story = {
  args: {
    observable: {
      type: 'url',
      value:
        'https://login.example-bank-secure-verify.example/session/refresh/continue?redirect=%2Faccount%2Fstatements&token=7d5a0c0e3f',
    },
    client: fakeClient(full({ modules: [{ module: 'Umbrella', disposition: 3 }] })),
  },
};

export const LongHash: Story = {
  args: {
    observable: { type: 'sha256', value: '2f1d8a7c0e94b3d56a11c8f03f7e9b42d0c6a5e1f28b39d47c6e0a5b1d2f3c4e' },
    client: fakeClient(full({ modules: [{ module: 'Threat Grid', disposition: 2 }] })),
  },
};

/** A hostile value and a `javascript:` refer URL: both are shown as text, never as markup or a link. */
export const HostileContent: Story = {
  args: {
    observable: { type: 'domain', value: '<img src=x onerror=alert(1)>.example' },
    client: fakeClient({
      modules: [{ module: '<b>Evil module</b>', disposition: 2 }],
      links: [{ module: 'Evil module', title: 'Click me', url: 'javascript:alert(document.domain)' }],
      actions: [],
    }),
  },
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
export const Keyboard: Story = {
  args: { client: fakeClient(full({ modules: [{ module: 'Umbrella', disposition: 3 }] })) },
  play: () => {},
};
