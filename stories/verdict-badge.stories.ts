import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@pivotkit/elements/pk-verdict-badge.js';

const meta: Meta = {
  title: 'Elements/Verdict badge',
  component: 'pk-verdict-badge',
  args: { disposition: 2, label: '' },
  argTypes: { disposition: { control: { type: 'select' }, options: [1, 2, 3, 4, 5] } },
  render: (a) => html`<pk-verdict-badge .disposition=${a['disposition']} label=${a['label']}></pk-verdict-badge>`,
};
export default meta;

export const Playground: StoryObj = {};

/** Every CTIM disposition, each with its own colour and shape. */
export const AllDispositions: StoryObj = {
  render: () =>
    html`<div style="display:flex;gap:.5rem">
      ${[1, 2, 3, 4, 5].map((d) => html`<pk-verdict-badge .disposition=${d}></pk-verdict-badge>`)}
    </div>`,
};
