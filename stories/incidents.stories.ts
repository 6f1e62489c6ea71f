import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@pivotkit/elements/pk-incidents.js';
import type { PkIncidents } from '@pivotkit/elements/pk-incidents.js';
import { useSession, type SessionKind } from './ribbon-apps-support.js';

interface Args {
  session: SessionKind;
  status: string;
  query: string;
}

const meta: Meta<Args> = {
  title: 'Ribbon apps/Incidents',
  component: 'pk-incidents',
  args: { session: 'signed-in', status: '', query: '' },
  argTypes: { session: { control: 'select', options: ['signed-out', 'signed-in', 'error', 'missing-scope'] } },
  loaders: [async ({ args }) => ({ client: await useSession(args.session, 'casebook enrich:read') })],
  render: (a) => html`<pk-incidents style="max-width: 40rem" status=${a.status} query=${a.query}></pk-incidents>`,
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj<Args>;

// Playground
export const Playground: Story = {};

// States
export const List: Story = {};
export const Empty: Story = { args: { query: 'no-such-incident-anywhere' } };
/** One incident of the page is out of the documented shape: the SDK leaves it out and the app says so. */
export const UnreadableIncident: Story = {
  parameters: { emulator: { faults: { invalidItemRate: 1, paths: ['/ctia/incident/search'] } } },
};
export const SignedOut: Story = { args: { session: 'signed-out' } };
export const SignInError: Story = { args: { session: 'error' } };
export const MissingScope: Story = { args: { session: 'missing-scope' } };
export const Details: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<PkIncidents>('pk-incidents')!;
    const client = (await import('@pivotkit/elements')).session.get().client!;
    const { items } = await client.incidents.list({ limit: 1 });
    await el.openIncident(items[0]!);
  },
};
export const Dark: Story = { globals: { theme: 'dark' } };
