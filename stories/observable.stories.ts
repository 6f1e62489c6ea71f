import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Disposition, Observable, ObservableVerdict } from '@pivotkit/sdk';
import { dispositionName } from '@pivotkit/sdk';
import '@pivotkit/elements/pk-observable.js';
import { OBSERVABLE_MIME } from '@pivotkit/elements/pk-observable.js';
import type { PivotkitClient } from '@pivotkit/sdk';
import { storyClient, type EmulatorParameters } from './support/emulator.js';

interface Args {
  type: string;
  value: string;
  inline: boolean;
  noDrag: boolean;
  disposition: Disposition | 0;
}

const SHA256 = '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f';
const LONG_URL =
  'https://login-microsoftonline.account-verify-secure.com/common/oauth2/v2.0/authorize?client_id=4765445b-32c6-49b0-83e6-1d93765276ca&redirect_uri=https%3A%2F%2Fevil.example.net%2Fcb';
const HOSTILE = '<img src=x onerror=alert(1)>';

function verdictOf(o: Observable, d: Disposition, conflict = false): ObservableVerdict {
  return {
    observable: o,
    disposition: d,
    dispositionName: dispositionName(d),
    modules: conflict
      ? [
          { module: 'Reputation Feed', moduleInstanceId: 'r', disposition: 1, dispositionName: 'Clean' },
          { module: 'DNS Shield', moduleInstanceId: 'd', disposition: 2, dispositionName: 'Malicious' },
        ]
      : [{ module: 'Reputation Feed', moduleInstanceId: 'r', disposition: d, dispositionName: dispositionName(d) }],
    conflict,
  };
}

// Every story's client: the real SDK, signed in to the emulator in the page (its pivot menu has the emulator's
// verdicts, links and actions; nothing leaves the page).
type Loaded = { loaded: { client?: PivotkitClient } };

const one = (a: Args, { loaded }: Loaded) =>
  html`<pk-observable
    type=${a.type}
    .value=${a.value}
    ?inline=${a.inline}
    ?no-drag=${a.noDrag}
    no-enrich
    .client=${loaded.client}
    .verdict=${a.disposition ? verdictOf({ type: a.type, value: a.value }, a.disposition) : undefined}
  ></pk-observable>`;

const meta: Meta<Args> = {
  title: 'Elements/Observable',
  component: 'pk-observable',
  args: { type: 'ip', value: '198.51.100.7', inline: false, noDrag: false, disposition: 2 },
  argTypes: {
    type: { control: 'select', options: ['ip', 'ipv6', 'domain', 'url', 'sha256', 'sha1', 'md5', 'email'] },
    disposition: { control: 'select', options: [0, 1, 2, 3, 4, 5], description: '0: no verdict yet' },
  },
  loaders: [async () => ({ client: await storyClient() })],
  render: one,
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj<Args>;

export const Playground: Story = {};

/** Full mode, every CTIM disposition; a disputed verdict says so instead of picking a colour. */
export const EachDisposition: Story = {
  render: (_, { loaded }: Loaded) =>
    html`<div style="display:grid;gap:.5rem;justify-items:start">
      ${([1, 2, 3, 4, 5] as const).map(
        (d) =>
          html`<pk-observable
            no-enrich
            .client=${loaded.client}
            type="domain"
            value="evil.example.net"
            .verdict=${verdictOf({ type: 'domain', value: 'evil.example.net' }, d)}
          ></pk-observable>`,
      )}
      <pk-observable
        no-enrich
        .client=${loaded.client}
        type="domain"
        value="disputed.example.com"
        .verdict=${verdictOf({ type: 'domain', value: 'disputed.example.com' }, 2, true)}
      ></pk-observable>
    </div>`,
};

/** Inline mode decorates a page's own text: only the pivot button and the verdict sit beside it. */
export const Inline: Story = {
  render: (_, { loaded }: Loaded) =>
    html`<p style="max-width:40rem;line-height:1.6">
      Connection from 198.51.100.7<pk-observable
        inline
        no-enrich
        .client=${loaded.client}
        type="ip"
        value="198.51.100.7"
        .verdict=${verdictOf({ type: 'ip', value: '198.51.100.7' }, 2)}
      ></pk-observable>
      to evil.example.net<pk-observable
        inline
        no-enrich
        .client=${loaded.client}
        type="domain"
        value="evil.example.net"
        .verdict=${verdictOf({ type: 'domain', value: 'evil.example.net' }, 3)}
      ></pk-observable>
      was blocked; the payload ${SHA256}<pk-observable
        inline
        no-enrich
        .client=${loaded.client}
        type="sha256"
        value=${SHA256}
      ></pk-observable>
      had no verdict yet.
    </p>`,
};

/** Verdicts asked lazily from the client once the observable is on screen (the feed takes 600 ms to answer). */
export const LiveVerdict: Story = {
  render: (_, { loaded }: Loaded) =>
    html`<pk-observable type="domain" value="phish.example.org" .client=${loaded.client}></pk-observable>`,
  parameters: {
    emulator: { faults: { moduleLatencyMs: { 'Reputation Feed': 600 } } },
  } satisfies EmulatorParameters,
};

/** A long URL is cut in the middle; the whole value stays in the text (copy, screen readers) and the tooltip. */
export const LongUrl: Story = { args: { type: 'url', value: LONG_URL, disposition: 2 } };

/** A SHA-256 keeps its last characters visible. */
export const LongHash: Story = { args: { type: 'sha256', value: SHA256, disposition: 2 } };

/** An attacker-controlled value is only ever text. */
export const HostileValue: Story = { args: { type: 'url', value: HOSTILE, disposition: 0 } };

/**
 * Drag the grip (or, inline, the pivot button) onto the box. The keyboard alternative: focus the grip and press
 * Enter; the box takes the `pk-observable-pick` event. Without a taker the pivot menu opens instead.
 */
export const Drag: Story = {
  render: (_, { loaded }: Loaded) => {
    const show = (box: HTMLElement, o: Observable) => {
      box.textContent = `Dropped: ${JSON.stringify(o)}`;
    };
    return html`<div style="display:grid;gap:1rem;justify-items:start">
      <pk-observable
        no-enrich
        .client=${loaded.client}
        type="ip"
        value="203.0.113.9"
        @pk-observable-pick=${(e: Event & { detail: { observable: Observable } }) => {
          e.preventDefault();
          show(document.getElementById('drop')!, e.detail.observable);
        }}
      ></pk-observable>
      <div
        id="drop"
        role="region"
        aria-label="Case drop zone"
        style="border:2px dashed #8a94a6;border-radius:8px;padding:1.5rem 2rem;min-width:20rem"
        @dragover=${(e: DragEvent) => {
          if (e.dataTransfer?.types.includes(OBSERVABLE_MIME)) e.preventDefault();
        }}
        @drop=${(e: DragEvent) => {
          e.preventDefault();
          show(e.currentTarget as HTMLElement, JSON.parse(e.dataTransfer!.getData(OBSERVABLE_MIME)) as Observable);
        }}
      >
        Drop an observable here
      </div>
    </div>`;
  },
};
