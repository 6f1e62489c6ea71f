import type { Preview } from '@storybook/web-components-vite';
import { startEmulatorWorker } from '@pivotkit/server/msw';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../packages/elements/custom-elements.json';
import '../packages/elements/themes/pivotkit.css';

// argTypes, descriptions, events, slots, parts and CSS properties come from the elements' JSDoc.
setCustomElementsManifest(manifest);

// The API emulator runs inside the page (msw), so stories that use the real SDK work in the static build with
// no server: point the client at `location.origin` (`baseUrls` for both hosts) and sign in as demo-client /
// demo-secret. Started once, before the first story renders.
let emulator: ReturnType<typeof startEmulatorWorker> | undefined;

const preview: Preview = {
  tags: ['autodocs'],
  globalTypes: {
    theme: {
      description: 'Light or dark token set',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light' },
  loaders: [
    async () => {
      emulator ??= startEmulatorWorker({ serviceWorkerUrl: './mockServiceWorker.js', origin: location.origin });
      await emulator.catch(() => undefined); // no service worker (e.g. file://): stories with canned clients still work
      return { emulatorUrl: location.origin };
    },
  ],
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
