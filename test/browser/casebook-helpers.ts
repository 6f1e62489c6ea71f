// Shared by the casebook's browser tests.
import { expect } from '@open-wc/testing';
import { createClient, type PivotkitApiClient } from '@pivotkit/sdk';
import { loadThemes } from '../../packages/elements/src/test-helpers/focus-ring.js';
import { DEMO_CREDENTIALS, emulatorUrl } from '../helpers/emulator.js';

/** A client of the emulator; `scope` asks for fewer scopes than the demo client has. */
export async function emulatorClient(scope?: string): Promise<PivotkitApiClient> {
  const url = await emulatorUrl();
  const base = { baseUrls: { visibility: url, privateIntel: url }, cache: false as const, retry: 0 };
  if (!scope) return createClient({ ...base, credentials: DEMO_CREDENTIALS });
  return createClient({
    ...base,
    tokenProvider: async () => {
      const res = await fetch(`${url}/iroh/oauth2/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${btoa(`${DEMO_CREDENTIALS.clientId}:${DEMO_CREDENTIALS.clientSecret}`)}`,
        },
        body: new URLSearchParams({ grant_type: 'client_credentials', scope }).toString(),
      });
      return (await res.json()) as { access_token: string; scope: string; expires_in: number };
    },
  });
}

/**
 * A second "tab" of the same origin: a same-origin iframe with its own copy of the modules, showing a
 * `<pk-casebook>` on `caseId` with an outbox on `dbName`. It shares IndexedDB, localStorage and
 * BroadcastChannel with the page, as another tab does.
 */
export async function openCasebookTab(opts: { dbName: string; caseId: string }): Promise<{
  casebook: HTMLElement & { caseId: string; updateComplete: Promise<boolean> };
  close(): void;
}> {
  const url = await emulatorUrl();
  const at = (p: string) => new URL(p, import.meta.url).href;
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:600px;height:400px';
  frame.srcdoc = `<!doctype html><body><script type="module">
    import '${at('../../packages/elements/src/components/casebook/pk-casebook.ts')}';
    import { Outbox } from '${at('../../packages/elements/src/state/outbox.ts')}';
    import { createClient } from '${at('../../packages/sdk/src/index.ts')}';
    const client = createClient({ baseUrls: { visibility: ${JSON.stringify(url)}, privateIntel: ${JSON.stringify(url)} },
      credentials: ${JSON.stringify(DEMO_CREDENTIALS)}, cache: false, retry: 0 });
    await client.signIn();
    const el = document.createElement('pk-casebook');
    el.client = client;
    el.outbox = new Outbox({ dbName: ${JSON.stringify(opts.dbName)}, client: () => client });
    el.caseId = ${JSON.stringify(opts.caseId)};
    document.body.append(el);
    window.pkCasebook = el;
    parent.postMessage('pk-casebook-tab-ready', '*');
  </script></body>`;
  const ready = new Promise<void>((resolve) =>
    addEventListener('message', function onMessage(e) {
      if (e.data !== 'pk-casebook-tab-ready' || e.source !== frame.contentWindow) return;
      removeEventListener('message', onMessage);
      resolve();
    }),
  );
  document.body.append(frame);
  await ready;
  const w = frame.contentWindow as Window & {
    pkCasebook: HTMLElement & { caseId: string; updateComplete: Promise<boolean> };
  };
  return { casebook: w.pkCasebook, close: () => frame.remove() };
}

/**
 * axe, with its full default rule set, on `el` in the light and in the dark theme: the theme stylesheet
 * (themes/pivotkit.css) loaded and its class on <html>, as a page that chooses a theme has it.
 */
export async function expectAccessible(el: Element): Promise<void> {
  await loadThemes();
  for (const theme of ['light', 'dark'] as const) {
    document.documentElement.classList.add(`pk-theme-${theme}`);
    try {
      await expect(el).to.be.accessible();
    } catch (e) {
      throw new Error(`axe, ${theme} theme: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    } finally {
      document.documentElement.classList.remove(`pk-theme-${theme}`);
    }
  }
}
