import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../packages/elements/custom-elements.json';
import '../packages/elements/themes/pivotkit.css';

// argTypes, descriptions, events, slots, parts and CSS properties come from the elements' JSDoc.
setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  globalTypes: {
    theme: {
      description: 'Light or dark token set',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light' },
  decorators: [
    (story, context) => {
      const dark = context.globals['theme'] === 'dark';
      document.documentElement.classList.toggle('pk-theme-dark', dark);
      document.documentElement.classList.toggle('pk-theme-light', !dark);
      document.body.style.background = dark ? '#1b1f27' : '#ffffff';
      return story();
    },
  ],
};
export default preview;
