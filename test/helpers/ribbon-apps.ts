// What the ribbon apps' browser tests share: a client signed in to the emulator process (optionally with fewer
// scopes, and with every request it sends recorded), the session set to it, and real paste input.
import { waitUntil as waitFor } from '@open-wc/testing';
import { createClient, type PivotkitClient } from '@pivotkit/sdk';
import { session } from '../../packages/elements/src/state/session.js';
import { currentCase } from '../../packages/elements/src/state/current-case.js';
import { DEMO_CREDENTIALS, emulatorUrl } from './emulator.js';

/** Conditions, not timers: a generous limit so a busy two-core machine does not fail them. */
export const waitUntil = (cond: () => unknown, message?: string) => waitFor(cond, message, { timeout: 8000 });

/** `METHOD path` of every request a test client sent, in order. */
export type RequestLog = string[];

/** A client of the emulator (the demo client, or a token narrowed to `scope`), recording its requests. */
export async function emulatorClient(opts: { scope?: string; log?: RequestLog } = {}): Promise<PivotkitClient> {
  const url = await emulatorUrl();
  const record: typeof fetch = (input, init) => {
    const req = input instanceof Request ? input : new Request(input, init);
    opts.log?.push(`${req.method} ${new URL(req.url).pathname}`);
    return fetch(req);
  };
  if (!opts.scope)
    return createClient({
      baseUrls: { visibility: url, privateIntel: url },
      credentials: DEMO_CREDENTIALS,
      cache: false,
      fetch: record,
    });
  return createClient({
    baseUrls: { visibility: url, privateIntel: url },
    cache: false,
    fetch: record,
    tokenProvider: async () => {
      const res = await fetch(`${url}/iroh/oauth2/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${btoa(`${DEMO_CREDENTIALS.clientId}:${DEMO_CREDENTIALS.clientSecret}`)}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ grant_type: 'client_credentials', scope: opts.scope! }),
      });
      return (await res.json()) as { access_token: string; expires_in: number; scope: string };
    },
  });
}

/** Signs the page's session in with an emulator client; returns it. */
export async function signInToEmulator(opts: { scope?: string; log?: RequestLog } = {}): Promise<PivotkitClient> {
  const client = await emulatorClient(opts);
  session.setClient(client);
  const ok = await session.signIn();
  if (!ok) throw new Error('could not sign in to the emulator');
  return client;
}

/** Back to no client and no current case (each test builds its own state). */
export function resetState(): void {
  session.setClient(undefined);
  currentCase.set(null);
}

/**
 * Pastes `text` into the focused text field the way a browser does: a cancelable `paste` event carrying the text
 * in its DataTransfer, then (not cancelled) the text inserted at the caret, which fires a real `input` event.
 */
export function paste(field: HTMLTextAreaElement | HTMLInputElement, text: string): void {
  field.focus();
  const data = new DataTransfer();
  data.setData('text/plain', text);
  const ok = field.dispatchEvent(
    new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }),
  );
  // execCommand is deprecated but is the one way to insert text as the user would (undo stack, input event).
  if (ok) document.execCommand('insertText', false, text);
}
