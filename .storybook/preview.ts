import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../packages/elements/custom-elements.json';
import '../packages/elements/themes/pivotkit.css';
import { applyStoryServer, resetEmulator, type EmulatorParameters } from '../stories/support/emulator.js';

// argTypes, descriptions, events, slots, parts and CSS properties come from the elements' JSDoc.
setCustomElementsManifest(manifest);

// The API emulator runs inside the page (msw, stories/support/emulator.ts), so every story uses the real SDK in the
// static build with no server: clients point at `location.origin` and sign in as demo-client / demo-secret. It is
// started once, and put back in its seeded state before each story (loaders run project first, then the story's,
// which seed what they show); what a story asks of the server (`parameters.emulator`, `parameters.msw`) applies
// after them, in beforeEach, so seeding is never faulted.
const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    // Each story of a docs page in its own frame: its own emulator and session, as in the story view (inline,
    // every story of the page would share one emulator and one page session, and reset each other's).
    docs: { story: { inline: false, height: '28rem' } },
  },
  globalTypes: {
    theme: {
      description: 'Light or dark token set',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light' },
  loaders: [() => resetEmulator()],
  beforeEach: ({ parameters }) => applyStoryServer(parameters as EmulatorParameters),
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
