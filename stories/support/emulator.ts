// The stories' API: the emulator (@pivotkit/server/msw) answering in the page through msw's service worker, and
// real SDK clients of it. .storybook/preview.ts starts it once and puts it back in its seeded state before every
// story; a story asks for the server behaviour it shows with `parameters.emulator` (faults, the emulator's own
// fault injection) or `parameters.msw` (handlers that answer before the emulator), applied after its loaders.
// Story code only.
import { createEmulatorHandlers, type Emulator } from '@pivotkit/server/msw';
import { createClient, type Casebook, type NewCasebook, type PivotkitClient } from '@pivotkit/sdk';
import type { HttpHandler } from 'msw';
import { setupWorker } from 'msw/browser';

/** Where the emulator answers: every region and host of a story points here. */
export const API = location.origin;
/** The emulator's published demo client (every scope). */
export const DEMO = { clientId: 'demo-client', clientSecret: 'demo-secret' };
export const baseUrls = () => ({ visibility: API, privateIntel: API });

type FaultConfig = Parameters<Emulator['faults']['set']>[0];

/** What a story may ask of the server, in `parameters`. */
export interface EmulatorParameters {
  /** The emulator's fault injection (latency, per-module latency, errors, 429, malformed replies, drops). */
  emulator?: { faults?: FaultConfig };
  /** msw handlers that answer before the emulator (a reply it cannot give: hostile content, a shape error). */
  msw?: { handlers?: HttpHandler[] };
}

interface Started {
  emulator: Emulator;
  worker: ReturnType<typeof setupWorker>;
}
let started: Promise<Started | undefined> | undefined;

/** The page's emulator, started on first use; `undefined` where no service worker can run (file://). */
export function pageEmulator(): Promise<Started | undefined> {
  started ??= (async () => {
    const { handlers, emulator } = createEmulatorHandlers({ origin: API });
    const worker = setupWorker(...handlers);
    await worker.start({ serviceWorker: { url: './mockServiceWorker.js' }, quiet: true });
    return { emulator, worker };
  })().catch(() => undefined);
  return started;
}

/** Before a story's loaders: the seeded state, no faults, no story handlers (tokens stay valid). */
export async function resetEmulator(): Promise<void> {
  const s = await pageEmulator();
  s?.worker.resetHandlers();
  s?.emulator.reset();
}

/** After a story's loaders (so its seeding is not faulted): what the story asked of the server. */
export async function applyStoryServer(parameters: EmulatorParameters): Promise<void> {
  const s = await pageEmulator();
  if (!s) return;
  if (parameters.msw?.handlers?.length) s.worker.use(...parameters.msw.handlers);
  if (parameters.emulator?.faults) s.emulator.faults.set(parameters.emulator.faults);
}

/** A token from the emulator's token endpoint for the demo client, its grant narrowed to `scope` when given. */
export async function demoToken(
  scope?: string,
  fetchFn: typeof fetch = fetch,
): Promise<{ access_token: string; expires_in: number; scope: string }> {
  const res = await fetchFn(`${API}/iroh/oauth2/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${btoa(`${DEMO.clientId}:${DEMO.clientSecret}`)}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', ...(scope ? { scope } : {}) }).toString(),
  });
  return (await res.json()) as { access_token: string; expires_in: number; scope: string };
}

export interface StoryClientOptions {
  /** Narrows the token's grant (a missing-scope story): the emulator grants only these scopes. */
  scope?: string;
  /** `false`: a client that has not signed in yet (its `session` is undefined). @default true */
  signedIn?: boolean;
  /** The SDK's per-attempt timeout; `false` for a story that shows a reply that never comes. */
  timeout?: number | false;
  /**
   * Enrich once after signing in, as a page that has enriched before: the SDK then knows the modules and asks
   * each on its own (`?mids=`), so their answers arrive one by one.
   */
  learnModules?: boolean;
}

/**
 * A real SDK client of the in-page emulator with the demo client's credentials (or, with `scope`, a token
 * narrowed to it), signed in unless asked not to. No verdict cache: every story asks the emulator afresh.
 */
export async function storyClient(opts: StoryClientOptions = {}): Promise<PivotkitClient> {
  const client = createClient({
    baseUrls: baseUrls(),
    cache: false,
    ...(opts.timeout !== undefined ? { timeout: opts.timeout } : {}),
    ...(opts.scope ? { tokenProvider: () => demoToken(opts.scope) } : { credentials: DEMO }),
  });
  if (opts.signedIn !== false) await client.signIn();
  if (opts.learnModules) {
    await client.enrich.deliberate([{ type: 'ip', value: '10.20.30.40' }], { onModule: () => {}, fresh: true });
  }
  return client;
}

/** A case to seed: what the SDK would send, and how long ago it was created (and last changed). */
export interface SeedCase extends NewCasebook {
  hoursAgo?: number;
}

const HOUR = 3_600_000;

/**
 * Replaces the emulator's casebooks with `cases`, created through the SDK's own calls, each at its `hoursAgo` on
 * the emulator's clock (moved back for it, then forward again). Straight to the emulator, not through the
 * service worker. Resolves with the cases as the emulator stored them, in order.
 */
export async function seedCasebooks(cases: readonly SeedCase[]): Promise<Casebook[]> {
  const s = await pageEmulator();
  if (!s) return [];
  const { emulator } = s;
  const direct: typeof fetch = (input, init) =>
    emulator.fetch(input instanceof Request && !init ? input : new Request(input, init));
  // A token is valid from the moment the emulator issued it: one client per clock position.
  const clientAt = () => createClient({ baseUrls: baseUrls(), cache: false, credentials: DEMO, fetch: direct });
  const now = clientAt();
  for (;;) {
    const { items } = await now.casebooks.list({ limit: 100 });
    if (!items.length) break;
    await Promise.all(items.map((c) => now.casebooks.delete(c.id)));
  }
  const out: Casebook[] = [];
  // Cases of the same age are created together, with one token (issuing one per case makes 1,000 cases slow).
  for (let i = 0; i < cases.length;) {
    const hoursAgo = cases[i]!.hoursAgo ?? 0;
    let j = i;
    while (j < cases.length && (cases[j]!.hoursAgo ?? 0) === hoursAgo) j++;
    const group = cases.slice(i, j).map(({ hoursAgo: _, ...c }) => c);
    emulator.advanceClock(-hoursAgo * HOUR);
    try {
      const client = hoursAgo ? clientAt() : now;
      for (let k = 0; k < group.length; k += 50) {
        out.push(...(await Promise.all(group.slice(k, k + 50).map((c) => client.casebooks.create(c)))));
      }
    } finally {
      emulator.advanceClock(hoursAgo * HOUR);
    }
    i = j;
  }
  return out;
}
