import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@pivotkit/elements/pk-popup.js';
import type { PkPopup } from '@pivotkit/elements/pk-popup.js';

interface Args {
  placement: PkPopup['placement'];
  distance: number;
  open: boolean;
}

const meta: Meta<Args> = {
  title: 'Primitives/Popup',
  component: 'pk-popup',
  args: { placement: 'bottom-start', distance: 4, open: true },
  argTypes: {
    placement: {
      control: { type: 'select' },
      options: ['top', 'top-start', 'top-end', 'bottom', 'bottom-start', 'bottom-end', 'left', 'right'],
    },
  },
  render: (a) =>
    html`<div style="padding: 6rem 2rem">
      <button
        type="button"
        @click=${(e: Event) => {
          const p = (e.currentTarget as HTMLElement).nextElementSibling as PkPopup;
          p.anchor = e.currentTarget as HTMLElement;
          p.open = !p.open;
        }}
      >
        Anchor
      </button>
      <pk-popup placement=${a.placement} distance=${a.distance} ?open=${a.open}>
        <div
          style="padding: .75rem; background: var(--pk-color-surface-raised); border: 1px solid var(--pk-color-border); border-radius: 6px"
        >
          Floats next to the anchor, flips and shifts to stay on screen.
        </div>
      </pk-popup>
    </div>`,
  play: ({ canvasElement }) => {
    const p = canvasElement.querySelector('pk-popup');
    if (p) p.anchor = canvasElement.querySelector('button') ?? undefined;
  },
};
export default meta;

export const Playground: StoryObj<Args> = {};
