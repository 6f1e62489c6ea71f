// The one place where the console meets Pivotkit: every page calls startPivotkit(). It creates the SDK client
// (the emulator's published demo client, signed in on first use), shares it with every <pk-…> element,
// decorates the page's content with pivot buttons and mounts the ribbon and the casebook.
import { configure, decorate, type DecorateHandle } from '@pivotkit/elements';
import '@pivotkit/elements/pk-casebook.js';
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
  const signedIn = client.signIn().then(
    (s) => {
      shell.session.textContent = `Threat Response emulator · ${s.clientId ?? DEMO_CLIENT.clientId} · ${s.scopes.length} scopes`;
      shell.session.classList.add('ok');
      return true;
    },
    (err: unknown) => {
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
    },
  );
  return { client, decorated, signedIn };
}

/**
 * The ribbon (docked at the bottom: sign-in, search, apps) and the casebook (its corner button and panel),
 * each registered by its entry point (`@pivotkit/elements/pk-ribbon.js`, `pk-casebook.js`) imported above.
 * An element whose entry point is not imported is skipped.
 */
function mountRibbonAndCasebook() {
  for (const tag of ['pk-ribbon', 'pk-casebook'] as const) {
    if (!customElements.get(tag) || document.querySelector(tag)) continue;
    const element = document.createElement(tag);
    if (tag === 'pk-casebook') element.setAttribute('docked', '');
    document.body.append(element);
  }
}
