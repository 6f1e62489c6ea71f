// The setup the SDK's loopback tests share: servers that close when the file's tests end, and a client that
// signs in to one of them as the demo client with the canary secret.
import { after } from 'node:test';
import { createClient, type ClientOptions } from '@pivotkit/sdk';
import { loopback, SECRET, type Loopback } from './loopback.js';

/**
 * Returns a `loopback()` that also registers each server to close after all of the calling file's tests.
 * Call it once, at the top level of a test file.
 */
export function loopbackPool(): typeof loopback {
  const servers: Loopback[] = [];
  after(() => Promise.all(servers.map((s) => s.close())));
  return async (...args) => {
    const s = await loopback(...args);
    servers.push(s);
    return s;
  };
}

/** Short, deterministic retry waits for the tests that exercise backoff. */
export const FAST_RETRY: ClientOptions['retryPolicy'] = { baseMs: 5, maxBackoffMs: 20, random: () => 0.5 };

/** A client for the server (or base URL) on both hosts, as the demo client with the canary secret, no cache. */
export function clientFor(s: Loopback | string, extra: Partial<ClientOptions> = {}) {
  const url = typeof s === 'string' ? s : s.url;
  return createClient({
    baseUrls: { visibility: url, privateIntel: url },
    credentials: { clientId: 'demo-client', clientSecret: SECRET },
    cache: false,
    ...extra,
  });
}
