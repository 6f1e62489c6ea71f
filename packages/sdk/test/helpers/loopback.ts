// A scripted HTTP server on loopback (port 0) for SDK tests: each test says how to answer, and reads back
// exactly what the SDK sent.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';

export interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
  /** Arrival time (ms, monotonic), for checking waits between retries. */
  at: number;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** A value is sent as JSON; a string as is. */
  json?: unknown;
  text?: string;
  /** Never answer (for timeouts and aborts). */
  hang?: boolean;
  /** Destroy the socket without answering (a network failure). */
  destroy?: boolean;
  /** Send the status and headers, then stall before the body. */
  stallBody?: boolean;
}

export type Handler = (req: Seen, all: Seen[]) => Reply | Promise<Reply>;

export const TOKEN_PATH = '/iroh/oauth2/token';

/** A token reply as the real service sends it. */
export function tokenReply(access = 'tok-1', scope = 'enrich:read inspect:read response casebook private-intel') {
  return { json: { access_token: access, token_type: 'bearer', expires_in: 600, scope } };
}

export interface Loopback {
  url: string;
  seen: Seen[];
  /** Requests other than the token request. */
  api(): Seen[];
  tokenRequests(): Seen[];
  /** Resolves when the server has received `n` requests matching `pred`. */
  waitFor(pred: (s: Seen) => boolean, n?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts a server that answers the token endpoint with `token` (tokens `tok-1`, `tok-2`… by default) and
 * everything else with `handler`.
 */
export async function loopback(handler: Handler, token?: Handler): Promise<Loopback> {
  const seen: Seen[] = [];
  const waiters: { pred: (s: Seen) => boolean; n: number; resolve: () => void }[] = [];
  const hanging = new Set<ServerResponse>();
  let tokens = 0;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const u = new URL(req.url ?? '/', 'http://x');
    const s: Seen = {
      method: req.method ?? '',
      path: u.pathname,
      query: u.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      at: performance.now(),
    };
    seen.push(s);
    for (const w of [...waiters]) {
      if (seen.filter(w.pred).length >= w.n) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
    let r: Reply;
    try {
      r =
        s.path === TOKEN_PATH ? (token ? await token(s, seen) : tokenReply(`tok-${++tokens}`)) : await handler(s, seen);
    } catch (e) {
      r = { status: 500, json: { error: 'test-handler-threw', error_description: String(e) } };
    }
    if (r.destroy) return void req.socket.destroy();
    if (r.hang) return void hanging.add(res);
    if (r.stallBody) {
      res.writeHead(r.status ?? 200, { 'content-type': 'application/json', ...r.headers });
      res.flushHeaders();
      res.write('[');
      return void hanging.add(res);
    }
    const body = r.text ?? (r.json === undefined ? '' : JSON.stringify(r.json));
    res.writeHead(r.status ?? 200, {
      ...(r.json !== undefined ? { 'content-type': 'application/json' } : {}),
      ...r.headers,
    });
    res.end(body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    api: () => seen.filter((s) => s.path !== TOKEN_PATH),
    tokenRequests: () => seen.filter((s) => s.path === TOKEN_PATH),
    waitFor(pred, n = 1) {
      if (seen.filter(pred).length >= n) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ pred, n, resolve }));
    },
    async close() {
      for (const r of hanging) r.destroy();
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

export const SECRET = 'canary-secret-9f3e';

/** Asserts that the canary secret appears nowhere in an error: message, stack, JSON, or its causes. */
export function secretAbsent(err: unknown, secret = SECRET): boolean {
  const seen = new Set<unknown>();
  const parts: string[] = [];
  let e: unknown = err;
  while (e && typeof e === 'object' && !seen.has(e)) {
    seen.add(e);
    const x = e as Error;
    parts.push(String(x.message), String(x.stack), JSON.stringify(x), String(x));
    e = x.cause;
  }
  const basic = Buffer.from(`demo-client:${secret}`).toString('base64');
  return parts.every((p) => !p.includes(secret) && !p.includes(basic));
}
