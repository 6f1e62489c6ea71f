import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@pivotkit/elements/pk-find-observables.js';
import type { PkFindObservables } from '@pivotkit/elements/pk-find-observables.js';
import { useSession, type SessionKind } from './ribbon-apps-support.js';

interface Args {
  session: SessionKind;
  scan: boolean;
}

const meta: Meta<Args> = {
  title: 'Ribbon apps/Find observables',
  component: 'pk-find-observables',
  args: { session: 'signed-in', scan: false },
  argTypes: { session: { control: 'select', options: ['signed-out', 'signed-in', 'error', 'missing-scope'] } },
  loaders: [async ({ args }) => ({ client: await useSession(args.session) })],
  render: (a) =>
    html`<div style="display:grid;grid-template-columns:1fr 26rem;gap:1rem">
      <article id="page">
        <h3>Alert 4711</h3>
        <p>
          ws-fin-0142 resolved <b>evil.example.net</b> (198.51.100.7) and fetched hxxp://evil.example.net/payload.exe.
        </p>
        <table>
          <tr>
            <td>phish.example.org</td>
            <td>203.0.113.9</td>
          </tr>
          <tr>
            <td>275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f</td>
            <td>198.51.100.7</td>
          </tr>
        </table>
      </article>
      <pk-find-observables ?auto-scan=${a.scan} page-url="https://console.example/story"></pk-find-observables>
    </div>`,
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<PkFindObservables>('pk-find-observables')!;
    el.root = canvasElement.querySelector('#page')!;
  },
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj<Args>;

const scanned: Story['play'] = async ({ canvasElement }) => {
  const el = canvasElement.querySelector<PkFindObservables>('pk-find-observables')!;
  el.root = canvasElement.querySelector('#page')!;
  await el.scan();
};

// Playground
export const Playground: Story = {};

// States
export const NotScanned: Story = {};
export const Results: Story = { play: scanned };
export const SignedOut: Story = { args: { session: 'signed-out' }, play: scanned };
export const MissingScope: Story = { args: { session: 'missing-scope' }, play: scanned };
export const Dark: Story = { globals: { theme: 'dark' }, play: scanned };
