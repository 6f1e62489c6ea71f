import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@pivotkit/elements/pk-enrich-search.js';
import type { PkEnrichSearch } from '@pivotkit/elements/pk-enrich-search.js';
import { useSession, type SessionKind } from './ribbon-apps-support.js';

interface Args {
  session: SessionKind;
  value: string;
}

const TEXT = `Alert 4711: ws-fin-0142 resolved evil.example.net (198.51.100.7) and fetched
hxxp://evil.example.net/payload.exe; the user also visited phish.example.org and cisco.com.`;

const meta: Meta<Args> = {
  title: 'Ribbon apps/Enrichment search',
  component: 'pk-enrich-search',
  args: { session: 'signed-in', value: '' },
  argTypes: { session: { control: 'select', options: ['signed-out', 'signed-in', 'error', 'missing-scope'] } },
  loaders: [async ({ args }) => ({ client: await useSession(args.session, 'casebook inspect:read') })],
  render: (a) => html`<pk-enrich-search style="max-width: 40rem" .value=${a.value}></pk-enrich-search>`,
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj<Args>;

const enrich = async (canvas: HTMLElement) => {
  const el = canvas.querySelector<PkEnrichSearch>('pk-enrich-search')!;
  await el.updateComplete;
  await el.enrichAll();
};

// Playground
export const Playground: Story = {};

// States
export const Empty: Story = {};
export const SignedOut: Story = { args: { session: 'signed-out', value: TEXT } };
export const SignInError: Story = { args: { session: 'error', value: TEXT } };
export const MissingScope: Story = { args: { session: 'missing-scope', value: TEXT } };
export const BeforeSending: Story = { args: { value: TEXT } };
export const Enriched: Story = { args: { value: TEXT }, play: ({ canvasElement }) => enrich(canvasElement) };
export const BulkInput: Story = { args: { value: 'evil.example.net\n198.51.100.7\ninvoice.zip\nnot-an-observable' } };
export const NothingFound: Story = { args: { value: 'nothing to see here' } };
export const Dark: Story = {
  args: { value: TEXT },
  globals: { theme: 'dark' },
  play: ({ canvasElement }) => enrich(canvasElement),
};
