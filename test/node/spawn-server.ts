// Starts `pivotkit-server` as a separate process (the CLI, from source) and reads its listening URL: the
// process helpers live in test/server-process.mjs (shared with the browser tests' emulator plugin).
import { createApi } from '../../packages/server/test/helpers.js';

export { EMULATE_ARGS, runCli, startEmulator, startServer } from '../server-process.mjs';
export type { ServerProcess } from '../server-process.mjs';

/** A token from the process at `url` (the demo client unless told). */
export function getToken(url: string, id?: string, secret?: string): Promise<string> {
  return createApi(url).token(id, secret);
}

/**
 * `relay` arguments for a test: region eu, any loopback port, CORS for `origin`, both API hosts forwarded to
 * `upstream`, and `extra` flags (placed before the upstreams).
 */
export function relayArgs(upstream: string, origin: string, ...extra: string[]): string[] {
  return [
    'relay',
    ...['--region', 'eu', '--port', '0', '--host', '127.0.0.1', '--allow-origin', origin],
    ...extra,
    ...['--upstream-visibility', upstream, '--upstream-private-intel', upstream],
  ];
}
