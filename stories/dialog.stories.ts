import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@pivotkit/elements/pk-dialog.js';
import type { PkDialog } from '@pivotkit/elements/pk-dialog.js';

interface Args {
  label: string;
  modeless: boolean;
  alert: boolean;
  noCloseButton: boolean;
}

const dialogOf = (canvas: HTMLElement) => canvas.querySelector<PkDialog>('pk-dialog')!;

/** Opens the dialog as its button would: focus goes in, and back to the button when it closes. */
const open = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  canvasElement.querySelector<HTMLButtonElement>('button.opener')?.focus();
  await dialogOf(canvasElement).show();
};

const opener = (label = 'Open the dialog') =>
  html`<button
    type="button"
    class="opener"
    @click=${(e: Event) => void ((e.currentTarget as HTMLElement).nextElementSibling as PkDialog).show()}
  >
    ${label}
  </button>`;

const closeButtons = (ok: string) =>
  html`<button slot="footer" type="button" @click=${(e: Event) => void closest(e).hide()}>Cancel</button>
    <button slot="footer" type="button" @click=${(e: Event) => void closest(e).hide()}>${ok}</button>`;
const closest = (e: Event) => (e.currentTarget as HTMLElement).closest('pk-dialog')!;

const meta: Meta<Args> = {
  title: 'Primitives/Dialog',
  component: 'pk-dialog',
  args: { label: 'Block evil.example.net?', modeless: false, alert: false, noCloseButton: false },
  render: (a) =>
    html`${opener()}
      <pk-dialog label=${a.label} ?modeless=${a.modeless} ?alert=${a.alert} ?no-close-button=${a.noCloseButton}>
        <p>DNS Shield will answer every lookup of evil.example.net with its block page, for every host.</p>
        ${closeButtons('Block')}
      </pk-dialog>`,
  play: open,
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj<Args>;

export const Playground: Story = {};

// States

/** Modal: the page behind is inert under a backdrop; Tab cycles inside; Escape or a backdrop press asks to close. */
export const Modal: Story = {};

/** Modeless: no backdrop, the page stays usable, an outside press does not close it. */
export const Modeless: Story = {
  args: { modeless: true, label: 'Notes on 198.51.100.7' },
  render: (a) =>
    html`${opener('Show the notes')}
      <pk-dialog label=${a.label} modeless>
        <p>Seen on three endpoints since 06:12; isolated ws-fin-0142 at 06:40.</p>
      </pk-dialog>
      <p style="margin-top: 16rem">The page stays usable: <a href="#top">a link on the page</a>.</p>`,
};

/** A confirmation that interrupts (`alert`, `no-close-button`): the footer's Cancel is the way out. */
export const Confirmation: Story = {
  args: { alert: true, noCloseButton: true, label: 'Isolate ws-fin-0142?' },
  render: (a) =>
    html`${opener('Isolate host')}
      <pk-dialog label=${a.label} alert no-close-button>
        <p>Endpoint Guard cuts the host off the network until someone stops isolating it.</p>
        ${closeButtons('Isolate')}
      </pk-dialog>`,
};

/** A form: the first field (`autofocus`) takes focus; the footer's submit button belongs to the form. */
export const WithForm: Story = {
  args: { label: 'New case' },
  render: (a) =>
    html`${opener('New case')}
      <pk-dialog label=${a.label}>
        <form
          id="new-case"
          style="display: grid; gap: .75rem"
          @submit=${(e: Event) => {
            e.preventDefault();
            void closest(e).hide();
          }}
        >
          <label style="display: grid; gap: .25rem">
            Title
            <input name="title" required autofocus value="Beaconing from ws-fin-0142" />
          </label>
          <label style="display: grid; gap: .25rem">
            TLP
            <select name="tlp">
              <option>white</option>
              <option>green</option>
              <option selected>amber</option>
              <option>red</option>
            </select>
          </label>
          <label style="display: grid; gap: .25rem">
            First note
            <textarea name="note" rows="3">Opened from the Endpoint Guard alert.</textarea>
          </label>
        </form>
        <button slot="footer" type="button" @click=${(e: Event) => void closest(e).hide()}>Cancel</button>
        <button slot="footer" type="submit" form="new-case">Create</button>
      </pk-dialog>`,
};

/**
 * Long content: the dialog stays inside the viewport and scrolls as a whole. Focus goes to the first control, here
 * the footer's Cancel, so it opens scrolled to the end.
 */
export const LongContent: Story = {
  args: { label: 'What isolating a host does' },
  render: (a) =>
    html`${opener()}
      <pk-dialog label=${a.label}>
        ${Array.from(
          { length: 14 },
          (_, i) =>
            html`<p>
              ${i + 1}. Endpoint Guard keeps the host connected to its management service only, so analysts can still
              collect files and memory from it while nothing else reaches it or leaves it.
            </p>`,
        )}
        ${closeButtons('Isolate')}
      </pk-dialog>`,
};

// Behaviors

/**
 * Reduced motion, and a host that keeps the dialog open (unsaved text: `pk-request-close` is cancelled). With the
 * user's reduced-motion preference (emulated here) it opens without its fade and refuses without its shake; press
 * Escape or × to see the refusal.
 */
export const ReducedMotion: Story = {
  args: { label: 'Unsaved note' },
  beforeEach: () => {
    const real = window.matchMedia;
    window.matchMedia = (q: string) =>
      q.includes('prefers-reduced-motion')
        ? ({ ...real.call(window, q), matches: true } as MediaQueryList)
        : real.call(window, q);
    return () => void (window.matchMedia = real);
  },
  render: (a) =>
    html`${opener()}
      <pk-dialog label=${a.label} @pk-request-close=${(e: Event) => e.preventDefault()}>
        <label style="display: grid; gap: .25rem">
          Note
          <textarea rows="3" autofocus>Asked IT to re-image ws-fin-0142</textarea>
        </label>
        <button slot="footer" type="button" @click=${(e: Event) => void closest(e).hide()}>Discard</button>
      </pk-dialog>`,
};

/** The dark token set. */
export const Dark: Story = { globals: { theme: 'dark' } };
