import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { HttpResponse, http } from 'msw';
import type { Region } from '@pivotkit/sdk';
import '@pivotkit/elements/pk-sign-in.js';
import type { PkSignIn } from '@pivotkit/elements/pk-sign-in.js';
import { session, settings } from '@pivotkit/elements';
import { signOutEverywhere } from '../packages/elements/src/components/sign-in/session-actions.js';
import { API, DEMO, pageEmulator, type EmulatorParameters } from './support/emulator.js';

interface Args {
  region: Region;
}

// Every region signs in at the in-page emulator, except in the wrong-region story.
const signInOf = (canvas: HTMLElement) => canvas.querySelector<PkSignIn>('pk-sign-in')!;

/** Types into the dialog and submits, as an analyst would; resolves once the dialog has an answer. */
async function submit(el: PkSignIn, clientId: string, secret: string, wait = true) {
  const r = el.shadowRoot!;
  r.querySelector<HTMLInputElement>('#client-id')!.value = clientId;
  r.querySelector<HTMLInputElement>('#secret')!.value = secret;
  r.querySelector<HTMLFormElement>('form')!.requestSubmit();
  if (!wait) return;
  // The form is busy while the sign-in runs; done when it is not.
  await el.updateComplete;
  while (r.querySelector('form')?.getAttribute('aria-busy') === 'true') {
    await new Promise((ok) => setTimeout(ok, 50));
    await el.updateComplete;
  }
}

const meta: Meta<Args> = {
  title: 'Ribbon apps/Sign-in',
  component: 'pk-sign-in',
  args: { region: 'nam' },
  argTypes: { region: { control: 'inline-radio', options: ['nam', 'eu', 'apjc'] } },
  // Each story starts signed out, with nothing kept from another story.
  loaders: [
    async () => {
      await signOutEverywhere();
      session.setClient(undefined);
      settings.set({ persistence: 'memory' });
    },
  ],
  render: (a) => html`<pk-sign-in .baseUrls=${API} region=${a.region}></pk-sign-in>`,
  play: async ({ canvasElement }) => signInOf(canvasElement).show(),
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj<Args>;

export const Playground: Story = {};

// States

/** Signed out: client ID, secret and region, nothing filled in. */
export const SignedOut: Story = {};

/** Signing in: the token request has not been answered yet (the emulator holds it back). */
export const SigningIn: Story = {
  parameters: {
    emulator: { faults: { latencyMs: 3_600_000, paths: ['/iroh/oauth2/token'] } },
  } satisfies EmulatorParameters,
  play: async ({ canvasElement }) => {
    const el = signInOf(canvasElement);
    await el.show();
    await submit(el, DEMO.clientId, DEMO.clientSecret, false);
  },
};

/** Wrong credentials: the emulator refuses the secret (401 invalid_client), and the dialog names that cause. */
export const WrongCredentials: Story = {
  play: async ({ canvasElement }) => {
    const el = signInOf(canvasElement);
    await el.show();
    await submit(el, DEMO.clientId, 'not-the-secret');
  },
};

// Europe and Asia-Pacific are other services, which do not know the demo client.
const OTHER: Partial<Record<Region, string>> = {
  eu: 'https://visibility.eu.emulator.example',
  apjc: 'https://visibility.apjc.emulator.example',
};
const refuse = () =>
  HttpResponse.json({ error: 'invalid_client', error_description: 'Invalid client credentials' }, { status: 401 });

/** Credentials of another region: Europe refuses them, North America knows them, and the error says so. */
export const WrongRegion: Story = {
  args: { region: 'eu' },
  parameters: {
    msw: { handlers: Object.values(OTHER).map((origin) => http.post(`${origin}/iroh/oauth2/token`, refuse)) },
  } satisfies EmulatorParameters,
  render: (a) =>
    html`<pk-sign-in .baseUrls=${{ nam: API, eu: OTHER.eu, apjc: OTHER.apjc }} region=${a.region}></pk-sign-in>`,
  play: async ({ canvasElement }) => {
    const el = signInOf(canvasElement);
    await el.show();
    await submit(el, DEMO.clientId, DEMO.clientSecret);
  },
};

/** The region choice: the select lists North America, Europe and Asia-Pacific; Europe is chosen here. */
export const RegionChoice: Story = {
  args: { region: 'eu' },
  play: async ({ canvasElement }) => {
    const el = signInOf(canvasElement);
    await el.show();
    el.shadowRoot!.querySelector<HTMLSelectElement>('#region')!.focus();
  },
};

/** The service rate-limits sign-ins (429 with Retry-After: 30): the dialog says when to try again. */
export const RateLimited: Story = {
  parameters: {
    emulator: { faults: { rateLimitRate: 1, retryAfter: 30, paths: ['/iroh/oauth2/token'] } },
  } satisfies EmulatorParameters,
  play: async ({ canvasElement }) => {
    const el = signInOf(canvasElement);
    await el.show();
    await submit(el, DEMO.clientId, DEMO.clientSecret);
  },
};

/** Offline: the token request gets no answer at all (the emulator drops the connection). */
export const Offline: Story = {
  parameters: {
    emulator: { faults: { dropRate: 1, paths: ['/iroh/oauth2/token'] } },
  } satisfies EmulatorParameters,
  play: async ({ canvasElement }) => {
    const el = signInOf(canvasElement);
    await el.show();
    await submit(el, DEMO.clientId, DEMO.clientSecret);
  },
};

/** Signed in without some scopes: the grant is narrowed, and the dialog lists what each missing scope disables. */
export const MissingScopes: Story = {
  parameters: {
    msw: {
      handlers: [
        http.post(`${API}/iroh/oauth2/token`, async ({ request }) => {
          const body = new URLSearchParams(await request.text());
          body.set('scope', 'enrich:read casebook inspect:read');
          const headers = new Headers(request.headers);
          return (await pageEmulator())!.emulator.fetch(new Request(request.url, { method: 'POST', headers, body }));
        }),
      ],
    },
  } satisfies EmulatorParameters,
  play: async ({ canvasElement }) => {
    const el = signInOf(canvasElement);
    await el.show();
    await submit(el, DEMO.clientId, DEMO.clientSecret);
  },
};

/**
 * Editing the saved credentials: signed in through the dialog, then opened again on them. The client ID is
 * filled in (never the secret), the region is locked while signed in, and Sign out is offered.
 */
export const EditingCredentials: Story = {
  play: async ({ canvasElement }) => {
    const el = signInOf(canvasElement);
    await el.show();
    await submit(el, DEMO.clientId, DEMO.clientSecret);
    await el.show();
  },
};

/** The dark token set, after a refused sign-in. */
export const Dark: Story = { ...WrongCredentials, globals: { theme: 'dark' } };
