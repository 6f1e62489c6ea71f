/**
 * `@pivotkit/server/msw`: the emulator inside a browser (or any msw setup), with an in-memory store.
 * Browser-safe: no `node:` imports. The same `createEmulator` logic as the HTTP emulator answers every request
 * whose path starts with `/iroh/`, `/ctia/`, `/v0/` (Orbital) or `/__control/`, on any origin unless `origin` narrows it.
 *
 * ```ts
 * import { startEmulatorWorker } from '@pivotkit/server/msw';
 * await startEmulatorWorker();   // serves /mockServiceWorker.js's scope; then call the API at location.origin
 * ```
 * @module
 */
import { HttpResponse, http } from 'msw';
import type { HttpHandler } from 'msw';
import { DROP_HEADER, createEmulator } from './emulator/app.js';
import type { Emulator, EmulatorOptions } from './emulator/app.js';
import { MemoryStore } from './store.js';

export { DEMO_CLIENT } from './emulator/auth.js';
export { DEMO_OBSERVABLES, MODULES } from './emulator/intel.js';
export type { Emulator, EmulatorOptions };

export interface MswEmulatorOptions extends Partial<EmulatorOptions> {
  /** Only answer requests to this origin (e.g. `location.origin`). Default: any origin. */
  origin?: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** msw handlers backed by a fresh emulator (in-memory store unless one is given). */
export function createEmulatorHandlers(options: MswEmulatorOptions = {}): {
  handlers: HttpHandler[];
  emulator: Emulator;
} {
  const { origin, ...rest } = options;
  const emulator = createEmulator({ store: new MemoryStore(), ...rest });
  const host = origin ? escape(origin.replace(/\/$/, '')) : 'https?:\\/\\/[^/]+';
  const pattern = new RegExp(`^${host}\\/(iroh|ctia|v0|__control)\\/`);
  const handlers = [
    http.all(pattern, async ({ request }) => {
      const res = await emulator.fetch(request);
      // Fault injection's dropped connection: a network error in the page.
      return res.headers.has(DROP_HEADER) ? HttpResponse.error() : res;
    }),
  ];
  return { handlers, emulator };
}

export interface EmulatorWorker {
  emulator: Emulator;
  stop(): void;
}

/**
 * Registers msw's service worker with the emulator's handlers and resolves once it intercepts requests.
 * The page must serve msw's `mockServiceWorker.js` (at `serviceWorkerUrl`).
 */
export async function startEmulatorWorker(
  options: MswEmulatorOptions & { serviceWorkerUrl?: string; quiet?: boolean } = {},
): Promise<EmulatorWorker> {
  const { serviceWorkerUrl = '/mockServiceWorker.js', quiet = true, ...rest } = options;
  const { setupWorker } = await import('msw/browser');
  const { handlers, emulator } = createEmulatorHandlers(rest);
  const worker = setupWorker(...handlers);
  await worker.start({ serviceWorker: { url: serviceWorkerUrl }, quiet });
  return { emulator, stop: () => worker.stop() };
}
