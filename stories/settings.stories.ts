import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@pivotkit/elements/pk-settings.js';
import type { PkSettings } from '@pivotkit/elements/pk-settings.js';
import { settings, type Persistence as Keep } from '@pivotkit/elements';
import { useSession, type SessionKind } from './ribbon-apps-support.js';
import type { EmulatorParameters } from './support/emulator.js';

interface Args {
  session: SessionKind;
  /** What the host allows beyond keeping the session in the page (`<pk-ribbon allow-persistence>`). */
  allowPersistence: Keep[];
}

// The groups, in the order the app shows them.
const SECTIONS = ['theme', 'language', 'modules', 'decoration', 'default-tlp', 'persistence', 'shortcuts'] as const;
type Section = (typeof SECTIONS)[number];

const settingsOf = (canvas: HTMLElement) => canvas.querySelector<PkSettings>('pk-settings')!;

/** Brings one group into view and puts focus on its first control, as a designer reviewing it would. */
const showSection =
  (section: Section) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = settingsOf(canvasElement);
    await el.updateComplete;
    const group = el.shadowRoot!.querySelectorAll('fieldset')[SECTIONS.indexOf(section)]!;
    group.scrollIntoView({ block: 'start' });
    group.querySelector<HTMLElement>('input, select')?.focus({ preventScroll: true });
  };

const meta: Meta<Args> = {
  title: 'Ribbon apps/Settings',
  component: 'pk-settings',
  args: { session: 'signed-in', allowPersistence: ['session-token', 'encrypted-credentials'] },
  argTypes: {
    session: { control: 'select', options: ['signed-out', 'signed-in', 'error', 'missing-scope'] },
    allowPersistence: { control: 'check', options: ['session-token', 'encrypted-credentials'] },
  },
  // Each story starts from the defaults (settings are kept per origin, so one story's changes would show in the next).
  loaders: [
    async ({ args }) => {
      settings.reset();
      return { client: await useSession(args.session) };
    },
  ],
  render: (a) =>
    html`<pk-settings style="display: block; max-width: 36rem" .allowPersistence=${a.allowPersistence}></pk-settings>`,
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj<Args>;

export const Playground: Story = {};

// Each section

/** Theme: follow the page (auto), light or dark. */
export const Theme: Story = { play: showSection('theme') };

/** Language: the page's, or one chosen. */
export const Language: Story = { play: showSection('language') };

/** Enrichment modules: the ones the emulator's service answers with, each a checkbox (all ticked: no restriction). */
export const Modules: Story = { play: showSection('modules') };

/** Enrichment modules while the service has not said which modules it has. */
export const ModulesLoading: Story = {
  parameters: {
    emulator: { faults: { latencyMs: 3_600_000, paths: ['/iroh/iroh-enrich'] } },
  } satisfies EmulatorParameters,
  play: showSection('modules'),
};

/** Enrichment modules, signed out: signing in lists them. */
export const ModulesSignedOut: Story = { args: { session: 'signed-out' }, play: showSection('modules') };

/** Page decoration: a pivot button beside each observable in the page's text. */
export const Decoration: Story = { play: showSection('decoration') };

/** The TLP a new case gets. */
export const DefaultTlp: Story = { play: showSection('default-tlp') };

/** How the session may be kept, each option with its risk (the host allows both here). */
export const Persistence: Story = { play: showSection('persistence') };

/** How the session may be kept, when the host allows only the page's memory: the others say why not. */
export const PersistenceMemoryOnly: Story = { args: { allowPersistence: [] }, play: showSection('persistence') };

/** Keyboard shortcuts, each editable. */
export const Shortcuts: Story = { play: showSection('shortcuts') };

/** A shortcut that is not one: the field says so and keeps the old one. */
export const ShortcutInvalid: Story = {
  play: async (context) => {
    await showSection('shortcuts')(context);
    const input = settingsOf(context.canvasElement).shadowRoot!.querySelector<HTMLInputElement>('#key-search')!;
    input.value = 'Ctrl+Alt+';
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await settingsOf(context.canvasElement).updateComplete;
  },
};

/** The dark token set. */
export const Dark: Story = { globals: { theme: 'dark' } };
