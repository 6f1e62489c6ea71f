import type { PivotkitClient } from '@pivotkit/sdk';
import { session } from './state/session.js';

export interface PivotkitConfig {
  /** The signed-in (or signing-in) SDK client; `undefined` shows the elements signed out. */
  client?: PivotkitClient | undefined;
  /** The client id and region, when the host knows them (shown by the session; never the secret). */
  clientInfo?: { clientId?: string; region?: string };
}

/**
 * Sets the page-wide client: every `<pk-…>` on the page shares it, its token and its verdict cache.
 * It goes to `session.setClient`; elements follow the session and re-render.
 */
export function configure(config: PivotkitConfig): void {
  if (!('client' in config)) return;
  configuring = true;
  try {
    session.setClient(config.client, config.clientInfo);
  } finally {
    configuring = false;
  }
  // Listeners hear every configure(), even with the same client (hosts call it again after signing in).
  for (const l of [...listeners]) l(config.client);
}

const listeners = new Set<(client: PivotkitClient | undefined) => void>();
let last: PivotkitClient | undefined;
let configuring = false;
// A client dropped or set some other way (sign-out with `forget`, session.setClient) is heard too.
session.subscribe((s) => {
  if (s.client === last) return;
  last = s.client;
  if (configuring) return;
  for (const l of [...listeners]) l(s.client);
});

/** The page-wide client, if one was configured. */
export function getClient(): PivotkitClient | undefined {
  return session.get().client;
}

/** Calls `listener` whenever the page-wide client changes; returns the unsubscribe function. */
export function onClientChange(listener: (client: PivotkitClient | undefined) => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
