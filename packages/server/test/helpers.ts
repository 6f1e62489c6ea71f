// Test helpers: the emulator in this process, over real HTTP on loopback, with a clock the test controls.
import { after, before } from 'node:test';
import { startEmulatorServer } from '../src/node.js';
import type { EmulatorServerOptions } from '../src/node.js';
import { MemoryStore } from '../src/store.js';

export const DEMO = { id: 'demo-client', secret: 'demo-secret' };

export async function startTestEmulator(options: EmulatorServerOptions = {}) {
  const logs: string[] = [];
  let now = Date.parse('2026-11-20T12:00:00Z');
  const server = await startEmulatorServer({
    port: 0,
    host: '127.0.0.1',
    store: options.store ?? new MemoryStore(),
    clock: () => now,
    log: (l) => logs.push(l),
    ...options,
  });
  const api = createApi(server.url);
  return {
    ...server,
    ...api,
    logs,
    advance(ms: number) {
      now += ms;
    },
  };
}

export type TestEmulator = Awaited<ReturnType<typeof startTestEmulator>>;

/**
 * Registers `before`/`after` hooks in the calling describe block: one emulator for the block and a demo-client
 * token for it. Read `emu` and `tok` from the returned object inside tests (they are set once `before` has run).
 */
export function useTestEmulator(options: EmulatorServerOptions = {}): { emu: TestEmulator; tok: string } {
  const ctx = {} as { emu: TestEmulator; tok: string };
  before(async () => {
    ctx.emu = await startTestEmulator(options);
    ctx.tok = await ctx.emu.token();
  });
  after(() => ctx.emu.close());
  return ctx;
}

export function createApi(url: string) {
  async function token(id = DEMO.id, secret = DEMO.secret, scope?: string): Promise<string> {
    const res = await fetch(`${url}/iroh/oauth2/token`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${btoa(`${id}:${secret}`)}`,
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
      },
      body: `grant_type=client_credentials${scope ? `&scope=${encodeURIComponent(scope)}` : ''}`,
    });
    if (!res.ok) throw new Error(`token: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { access_token: string }).access_token;
  }
  async function call(
    tok: string | undefined,
    method: string,
    path: string,
    body?: unknown,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read into whatever JSON came back
  ): Promise<{ status: number; headers: Headers; body: any; text: string }> {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(tok ? { Authorization: `Bearer ${tok}` } : {}),
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        Accept: 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  }
  return { url, token, call };
}
