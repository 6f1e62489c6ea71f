import type { PivotkitClient } from '@pivotkit/sdk';

/**
 * The SDK client the elements use when none is set on an element itself.
 * A host page signs in once (`configure({ client })`) and every `<pk-…>` on the page shares that client,
 * its token and its verdict cache.
 */
let defaultClient: PivotkitClient | undefined;
const listeners = new Set<(client: PivotkitClient | undefined) => void>();

export interface PivotkitConfig {
  /** The signed-in (or signing-in) SDK client; `undefined` shows the elements signed out. */
  client?: PivotkitClient | undefined;
}

/** Sets the page-wide client; elements re-render. */
export function configure(config: PivotkitConfig): void {
  if ('client' in config) {
    defaultClient = config.client;
    for (const l of listeners) l(defaultClient);
  }
}

/** The page-wide client, if one was configured. */
export function getClient(): PivotkitClient | undefined {
  return defaultClient;
}

/** Calls `listener` whenever the page-wide client changes; returns the unsubscribe function. */
export function onClientChange(listener: (client: PivotkitClient | undefined) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
