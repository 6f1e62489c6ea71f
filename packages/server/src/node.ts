/**
 * Node hosting for the emulator and the relay: @hono/node-server on a port, the SQLite store, and the
 * connection drops that fault injection asks for.
 * @module
 */
import { serve } from '@hono/node-server';
import type { Http2Bindings, HttpBindings } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DROP_HEADER, createEmulator } from './emulator/app.js';
import type { Emulator, EmulatorOptions } from './emulator/app.js';
import { MemoryStore } from './store.js';
import type { Store } from './store.js';
import { SqliteStore } from './sqlite-store.js';

export interface Listening {
  /** e.g. `http://127.0.0.1:8787` */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** How long a client may take to send a whole request (headers and body) to the emulator or the relay. */
export const REQUEST_TIMEOUT_MS = 60_000;
/** How long a client may take to send the request line and headers. */
export const HEADERS_TIMEOUT_MS = 20_000;

/** Serves a fetch handler on a port; resolves once it listens. */
export function listen(
  fetch: (req: Request, env: HttpBindings | Http2Bindings) => Response | Promise<Response>,
  port: number,
  host: string,
): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = serve({
      port,
      hostname: host,
      fetch: async (req: Request, env: HttpBindings | Http2Bindings) => {
        const res = await fetch(req, env);
        if (res.headers.has(DROP_HEADER)) {
          // Fault injection: close the connection without an answer.
          (env.incoming.socket as { destroy(): void } | undefined)?.destroy();
        }
        return res;
      },
    });
    // Explicit time limits for every connection (Node's defaults are 300 s for a request and 60 s for headers): a
    // client that trickles its request in is cut off with 408.
    const http = server as unknown as { requestTimeout: number; headersTimeout: number; keepAliveTimeout: number };
    http.requestTimeout = REQUEST_TIMEOUT_MS;
    http.headersTimeout = HEADERS_TIMEOUT_MS;
    http.keepAliveTimeout = 5_000;
    server.once('error', reject);
    server.once('listening', () => {
      const addr = server.address() as AddressInfo;
      const shown = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shown}:${addr.port}`,
        port: addr.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Keep-alive sockets would hold close() open.
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
  });
}

/** The default database file: under the user's data directory. */
export function defaultDataFile(): string {
  const env = process.env;
  const base =
    process.platform === 'win32'
      ? (env['LOCALAPPDATA'] ?? join(homedir(), 'AppData', 'Local'))
      : process.platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support')
        : (env['XDG_DATA_HOME'] ?? join(homedir(), '.local', 'share'));
  return join(base, 'pivotkit', 'emulator.db');
}

/** `:memory:` gives a store that lives as long as the process; anything else is a SQLite file. */
export function openStore(data: string): Store {
  return data === ':memory:' ? new MemoryStore() : new SqliteStore(data);
}

export interface EmulatorServerOptions extends Omit<EmulatorOptions, 'store'> {
  port?: number;
  host?: string;
  /** A SQLite file, or `:memory:`. @default defaultDataFile() */
  data?: string;
  store?: Store;
}

/** Starts the emulator over HTTP (used by the CLI and by tests that need it in-process). */
export async function startEmulatorServer(
  options: EmulatorServerOptions = {},
): Promise<Listening & { emulator: Emulator; store: Store }> {
  const store = options.store ?? openStore(options.data ?? defaultDataFile());
  const host = options.host ?? 'localhost';
  // The control endpoint only for requests addressed to this machine by name or loopback address, so a page that
  // rebinds its own domain name to 127.0.0.1 cannot reach it. The app checks it on the decoded path it routes on.
  const emulator = createEmulator({ controlHost: (h) => isLocalHost(h, host), ...options, store });
  const server = await listen((req, env) => emulator.fetch(req, env), options.port ?? 8787, host);
  return {
    ...server,
    emulator,
    store,
    close: async () => {
      await server.close();
      store.close();
    },
  };
}

/**
 * Whether a host name, as the WHATWG URL parser leaves it (IPv4 in dotted decimal, IPv6 in brackets), names this
 * machine: `localhost`, a 127.0.0.0/8 address parsed as four numbers (not `127.evil.example`), `[::1]`, or the
 * name the server listens on.
 */
export function isLocalHost(hostname: string, listenHost?: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  if (h === 'localhost' || h === '[::1]' || h === '::1') return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  if (v4 && v4.slice(1).every((o) => Number(o) <= 255) && v4[1] === '127') return true;
  if (!listenHost) return false;
  const listen = listenHost.toLowerCase().replace(/^\[|\]$/g, '');
  return listen !== '' && listen !== '0.0.0.0' && listen !== '::' && h.replace(/^\[|\]$/g, '') === listen;
}
