import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@pivotkit/elements/pk-orbital.js';
import type { PkOrbital } from '@pivotkit/elements/pk-orbital.js';
import type { Observable } from '@pivotkit/sdk';
import { emulatorOrbital, useSession, type SessionKind } from './ribbon-apps-support.js';

interface Args {
  session: SessionKind;
  observable: Observable | undefined;
  live: boolean;
}

const meta: Meta<Args> = {
  title: 'Ribbon apps/Orbital',
  component: 'pk-orbital',
  args: { session: 'signed-in', observable: { type: 'domain', value: 'evil.example.net' }, live: true },
  argTypes: { session: { control: 'select', options: ['signed-out', 'signed-in', 'error', 'missing-scope'] } },
  loaders: [async ({ args }) => ({ client: await useSession(args.session, 'casebook enrich:read') })],
  render: (a) =>
    html`<pk-orbital
      style="max-width: 44rem"
      .observable=${a.observable}
      .orbital=${a.live ? emulatorOrbital() : undefined}
    ></pk-orbital>`,
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj<Args>;

const runFirst: Story['play'] = async ({ canvasElement }) => {
  const el = canvasElement.querySelector<PkOrbital>('pk-orbital')!;
  await el.updateComplete;
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="run"]')?.click();
};

// Playground
export const Playground: Story = {};

// States
export const Questions: Story = {};
export const ConsoleOnly: Story = { args: { live: false } };
export const NoObservable: Story = { args: { observable: undefined } };
export const LiveResults: Story = { play: runFirst };
export const SignedOut: Story = { args: { session: 'signed-out' } };
export const MissingScope: Story = { args: { session: 'missing-scope' } };
export const Dark: Story = { globals: { theme: 'dark' }, play: runFirst };
