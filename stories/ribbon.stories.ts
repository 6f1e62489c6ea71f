import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createClient } from '@pivotkit/sdk';
import '@pivotkit/elements/pk-ribbon.js';
import type { PkRibbon } from '@pivotkit/elements/pk-ribbon.js';
import { configure, session, settings } from '@pivotkit/elements';
import { ribbonLayout, ribbonView } from '../packages/elements/src/state/ribbon-layout.js';
import { signOutEverywhere } from '../packages/elements/src/components/sign-in/session-actions.js';
import { API, DEMO, demoToken, type EmulatorParameters } from './support/emulator.js';

// The emulator runs in the page (msw, see support/emulator.ts): every region points at it.

interface Args {
  theme: 'auto' | 'light' | 'dark';
  expanded: boolean;
  app: string;
}

/** Each story starts from a first visit: signed out, nothing open. */
async function fresh(a: Partial<Args> = {}) {
  await signOutEverywhere();
  session.setClient(undefined);
  settings.set({ theme: a.theme ?? 'auto' });
  ribbonLayout.set({ height: 380, offset: 0 });
  ribbonView.set({ expanded: a.expanded ?? true, openApp: null, lastSearch: '' });
}

/** Signs the page in with a host-made client (no dialog), as a console with its own sign-in would. */
async function signedIn(scope?: string) {
  configure({
    client: createClient({
      baseUrls: { visibility: API, privateIntel: API },
      tokenProvider: () => demoToken(scope),
    }),
    clientInfo: { clientId: DEMO.clientId, region: 'nam' },
  });
  await session.signIn();
}

const ribbonOf = (canvas: HTMLElement) => canvas.querySelector<PkRibbon>('pk-ribbon')!;

/** Types into the sign-in dialog and submits, as an analyst would. */
async function submit(ribbon: PkRibbon, clientId: string, secret: string) {
  await ribbon.editCredentials();
  const r = ribbon.shadowRoot!.querySelector('pk-sign-in')!.shadowRoot!;
  r.querySelector<HTMLInputElement>('#client-id')!.value = clientId;
  r.querySelector<HTMLInputElement>('#secret')!.value = secret;
  r.querySelector<HTMLFormElement>('form')!.requestSubmit();
}

const page = html`<main style="padding: 1.5rem; font: 16px/1.5 Georgia, serif">
  <h1>Alert 4711</h1>
  <p>
    Beacon from ws-fin-0142 to 203.0.113.7 and evil.example.com; dropper hash
    e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855.
  </p>
</main>`;

const meta: Meta<Args> = {
  title: 'Ribbon/Ribbon',
  component: 'pk-ribbon',
  args: { theme: 'auto', expanded: true, app: '' },
  argTypes: {
    theme: { control: { type: 'inline-radio' }, options: ['auto', 'light', 'dark'] },
    app: {
      control: { type: 'select' },
      options: ['', 'home', 'casebook', 'incidents', 'orbital', 'search', 'find', 'settings'],
    },
  },
  parameters: { layout: 'fullscreen' },
  render: () => html`${page}<pk-ribbon base-url=${API}></pk-ribbon>`,
};
export default meta;

type Story = StoryObj<Args>;

// ---- Playground

export const Playground: Story = {
  loaders: [async ({ args }) => fresh(args as Args)],
  play: async ({ canvasElement, args }) => {
    if (args.app) {
      await signedIn();
      await ribbonOf(canvasElement).open(args.app);
    }
  },
};

// ---- States

export const SignedOut: Story = { loaders: [() => fresh()] };

export const SigningIn: Story = {
  loaders: [() => fresh()],
  play: async () => {
    // A host sign-in that has not answered yet.
    configure({
      client: createClient({
        baseUrls: { visibility: API, privateIntel: API },
        tokenProvider: () => new Promise(() => {}),
      }),
    });
    void session.signIn();
  },
};

export const SignInDialog: Story = {
  loaders: [() => fresh()],
  play: async ({ canvasElement }) => ribbonOf(canvasElement).editCredentials(),
};

export const WrongCredentials: Story = {
  loaders: [() => fresh()],
  play: async ({ canvasElement }) => submit(ribbonOf(canvasElement), DEMO.clientId, 'not-the-secret'),
};

/** Offline: the sign-in gets no answer at all (the emulator drops the connection). */
export const NetworkDown: Story = {
  loaders: [() => fresh()],
  parameters: { emulator: { faults: { dropRate: 1, paths: ['/iroh/oauth2/token'] } } } satisfies EmulatorParameters,
  play: async ({ canvasElement }) => submit(ribbonOf(canvasElement), DEMO.clientId, DEMO.clientSecret),
};

/** The service rate-limits the sign-in (429, Retry-After: 30). */
export const RateLimited: Story = {
  loaders: [() => fresh()],
  parameters: {
    emulator: { faults: { rateLimitRate: 1, retryAfter: 30, paths: ['/iroh/oauth2/token'] } },
  } satisfies EmulatorParameters,
  play: async ({ canvasElement }) => submit(ribbonOf(canvasElement), DEMO.clientId, DEMO.clientSecret),
};

/** The service fails (503) while signed in: the open app says so. */
export const ServiceError: Story = {
  loaders: [() => fresh()],
  parameters: {
    emulator: { faults: { errorRate: 1, errorStatus: 503, paths: ['/ctia/incident'] } },
  } satisfies EmulatorParameters,
  play: async ({ canvasElement }) => {
    await signedIn();
    await ribbonOf(canvasElement).open('incidents');
  },
};

export const MissingScopes: Story = {
  loaders: [() => fresh()],
  play: async ({ canvasElement }) => {
    await signedIn('enrich:read casebook');
    await ribbonOf(canvasElement).open('home');
  },
};

export const Collapsed: Story = { loaders: [() => fresh({ expanded: false })] };

export const Dark: Story = {
  loaders: [() => fresh({ theme: 'dark' })],
  play: async ({ canvasElement }) => {
    await signedIn();
    await ribbonOf(canvasElement).open('search');
  },
};

// ---- Each app, signed in

const withApp = (app: string): Story => ({
  loaders: [() => fresh()],
  play: async ({ canvasElement }) => {
    await signedIn();
    await ribbonOf(canvasElement).open(app);
  },
});

export const Home = withApp('home');
export const Casebook = withApp('casebook');
export const Incidents = withApp('incidents');
export const Orbital = withApp('orbital');
export const EnrichmentSearch = withApp('search');
export const FindObservables = withApp('find');
export const Settings = withApp('settings');

// ---- Behaviors

export const MovedAndResized: Story = {
  loaders: [
    async () => {
      await fresh();
      ribbonLayout.set({ offset: 0.6, height: 260 });
    },
  ],
  play: async ({ canvasElement }) => {
    await signedIn();
    await ribbonOf(canvasElement).open('home');
  },
};
