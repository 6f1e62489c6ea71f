import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@pivotkit/elements/pk-home.js';
import { session } from '@pivotkit/elements';
import {
  signInWithCredentials,
  signOutEverywhere,
} from '../packages/elements/src/components/sign-in/session-actions.js';
import { useSession } from './ribbon-apps-support.js';
import { API, DEMO } from './support/emulator.js';

type Kind = 'signed-out' | 'dialog' | 'host' | 'missing-scope' | 'error';
interface Args {
  /** How the page's session was signed in: through the ribbon's dialog, by the host page, or not. */
  session: Kind;
}

const meta: Meta<Args> = {
  title: 'Ribbon apps/Home',
  component: 'pk-home',
  args: { session: 'dialog' },
  argTypes: { session: { control: 'select', options: ['signed-out', 'dialog', 'host', 'missing-scope', 'error'] } },
  loaders: [
    async ({ args }) => {
      await signOutEverywhere();
      session.setClient(undefined);
      if (args.session === 'dialog') {
        // What the ribbon's sign-in dialog does with typed credentials.
        await signInWithCredentials({ ...DEMO, region: 'nam' }, { baseUrls: API });
      } else if (args.session === 'host') await useSession('signed-in');
      else if (args.session === 'missing-scope') await useSession('missing-scope', 'enrich:read casebook');
      else if (args.session === 'error') await useSession('error');
    },
  ],
  render: () => html`<pk-home style="max-width: 40rem"></pk-home>`,
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj<Args>;

export const Playground: Story = {};

// States

/** Signed out: the status, a Sign in button, and what signing in gives. */
export const SignedOut: Story = { args: { session: 'signed-out' } };

/**
 * Signed in through the dialog: client ID, region and token expiry (never the secret), the granted scopes with
 * what each enables, every app ready, Edit credentials and Sign out.
 */
export const SignedIn: Story = {};

/** Signed in by the host page with its own client: the credentials are the host's to change. */
export const SignedInByHost: Story = { args: { session: 'host' } };

/** A grant without some scopes: the apps that lack them say which. */
export const MissingScopes: Story = { args: { session: 'missing-scope' } };

/** The host's sign-in was refused. */
export const SignInError: Story = { args: { session: 'error' } };

/** The dark token set. */
export const Dark: Story = { globals: { theme: 'dark' } };
