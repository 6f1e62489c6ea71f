// The one place where the console meets Pivotkit: every page calls startPivotkit(). It creates the SDK client
// (the emulator's published demo client, signed in on first use), shares it with every <pk-…> element,
// decorates the page's content with pivot buttons and mounts the ribbon and the casebook.
import { configure, decorate, session, type DecorateHandle } from '@pivotkit/elements';
import '@pivotkit/elements/pk-casebook.js';
import '@pivotkit/elements/pk-ribbon.js';
import { AuthError, NetworkError, TimeoutError, createClient, type PivotkitClient } from '@pivotkit/sdk';
import { mountShell, type PageId } from './shell.js';

/**
 * Where the emulator listens: `npm run demo` passes its API port as VITE_PIVOTKIT_API; the default is its
 * usual port.
 */
export const EMULATOR: string = import.meta.env['VITE_PIVOTKIT_API'] ?? 'http://localhost:8787';

/** The emulator's demo client (published on purpose: it only opens the local emulator). */
const DEMO_CLIENT = { clientId: 'demo-client', clientSecret: 'demo-secret' } as const;

export interface Started {
  client: PivotkitClient;
  decorated: DecorateHandle;
  /** Settles once sign-in succeeded or failed (the banner says why). */
  signedIn: Promise<boolean>;
}

/** Builds the page chrome, configures the client and decorates `content`. */
export function startPivotkit(page: PageId, content: HTMLElement): Started {
  const shell = mountShell(page);
  const client = createClient({
    baseUrls: { visibility: EMULATOR, privateIntel: EMULATOR },
    credentials: DEMO_CLIENT,
    retry: 0,
  });
  configure({ client });
  mountRibbonAndCasebook();
  // Rows the page adds later ("Load more", filters) are decorated as they arrive.
  const decorated = decorate(content);
  // Through the shared session, so the ribbon, the casebook and the menus all see the sign-in.
  const signedIn = session.signIn().then((ok) => {
    const s = client.session;
    if (ok && s) {
      shell.session.textContent = `Threat Response emulator · ${s.clientId ?? DEMO_CLIENT.clientId} · ${s.scopes.length} scopes`;
      shell.session.classList.add('ok');
      return true;
    }
    const err = session.get().error;
    shell.session.textContent = 'Not signed in';
    shell.session.classList.add('bad');
    if (err instanceof NetworkError || err instanceof TimeoutError) {
      shell.showBanner(
        `The Threat Response emulator at ${EMULATOR} is not reachable.`,
        'Start it with "npm run demo" (it starts the emulator and this console), then reload. Pivot buttons stay, but verdicts and actions need it.',
      );
    } else if (err instanceof AuthError) {
      shell.showBanner('Sign-in to the emulator failed.', err.message);
    } else {
      shell.showBanner('Could not sign in to the emulator.', err instanceof Error ? err.message : String(err));
    }
    return false;
  });
  return { client, decorated, signedIn };
}

/**
 * The ribbon (the docked bar at the bottom: sign-in, Home, Casebook, the apps, Settings), registered by its entry
 * point imported above. The casebook is one of its apps; a page without the ribbon gets the docked casebook
 * (its own corner button and panel) instead.
 */
function mountRibbonAndCasebook() {
  if (customElements.get('pk-ribbon')) {
    if (!document.querySelector('pk-ribbon')) document.body.append(document.createElement('pk-ribbon'));
    return;
  }
  if (customElements.get('pk-casebook') && !document.querySelector('pk-casebook')) {
    const casebook = document.createElement('pk-casebook');
    casebook.docked = true;
    document.body.append(casebook);
  }
}
