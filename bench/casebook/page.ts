// Runs in the benchmark's Chromium page (bundled by run.ts): a <pk-casebook> on an in-memory casebook service.
// Results go to window.__casebookBench for run.ts to read.
import type { Casebook, Observable, PivotkitClient } from '@pivotkit/sdk';
import '../../packages/elements/src/components/casebook/pk-casebook.js';
import { Outbox, type PkCasebook } from '../../packages/elements/src/components/casebook/pk-casebook.js';

declare global {
  interface Window {
    __casebookBench: {
      openCase(observables: number): Promise<{ ms: number; rows: number }>;
      openList(cases: number, pageSize: number): Promise<{ firstPageMs: number; pages: number; pageMs: number[] }>;
    };
  }
}

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
const until = async (cond: () => boolean) => {
  while (!cond()) await frame();
};

function fake(cases: Casebook[]): PivotkitClient {
  const store = new Map(cases.map((c) => [c.id, c]));
  const sorted = [...cases].sort((a, b) => (b.created ?? '').localeCompare(a.created ?? ''));
  return {
    session: { scopes: ['casebook'], expiresAt: Date.now() + 600_000 },
    can: (f: string) => f === 'casebook',
    missingScopes: () => [],
    signIn: async () => ({ scopes: ['casebook'], expiresAt: Date.now() + 600_000 }),
    signOut() {},
    casebooks: {
      async list(p: { offset?: number; limit?: number } = {}) {
        const offset = p.offset ?? 0;
        const limit = p.limit ?? 100;
        const items = sorted.slice(offset, offset + limit);
        return {
          items,
          total: sorted.length,
          next: offset + limit < sorted.length ? { offset: offset + limit } : undefined,
        };
      },
      async get(id: string) {
        return store.get(id)!;
      },
    },
  } as unknown as PivotkitClient;
}

let n = 0;
const cb = (i: number, observables: Observable[]): Casebook => ({
  id: `casebook-bench-${i}`,
  longId: `https://private.intel.example:443/ctia/casebook/casebook-bench-${i}`,
  type: 'casebook',
  schema_version: '1.3.29',
  title: `Case ${i}: beaconing from host-${i}`,
  tlp: 'amber',
  observables,
  texts: [],
  created: new Date(Date.now() - i * 60_000).toISOString(),
  modified: new Date(Date.now() - i * 60_000).toISOString(),
});

function mount(client: PivotkitClient, attrs: Partial<PkCasebook>): PkCasebook {
  document.body.replaceChildren();
  localStorage.removeItem('pk-current-case');
  const el = document.createElement('pk-casebook');
  el.client = client;
  el.outbox = new Outbox({ dbName: `pk-bench-${n++}`, client: () => client });
  Object.assign(el, attrs);
  document.body.append(el);
  return el;
}

window.__casebookBench = {
  async openCase(count) {
    const observables = Array.from({ length: count }, (_, i) => ({
      type: i % 2 ? 'domain' : 'ip',
      value: i % 2 ? `host-${i}.example-${i % 37}.com` : `203.0.${(i >> 8) & 255}.${i & 255}`,
    }));
    const client = fake([cb(1, observables)]);
    const el = mount(client, {});
    await frame();
    const t0 = performance.now();
    el.caseId = 'casebook-bench-1';
    const rows = () => el.shadowRoot!.querySelectorAll('[part="observable"]').length;
    await until(() => rows() === count);
    await frame();
    return { ms: performance.now() - t0, rows: rows() };
  },
  async openList(count, pageSize) {
    const client = fake(
      Array.from({ length: count }, (_, i) => cb(i, [{ type: 'ip', value: `203.0.113.${i % 250}` }])),
    );
    const t0 = performance.now();
    const el = mount(client, { pageSize });
    const first = () => el.shadowRoot!.querySelector('[role="option"]')?.getAttribute('data-id');
    await until(() => el.shadowRoot!.querySelectorAll('[role="option"]').length === pageSize);
    await frame();
    const firstPageMs = performance.now() - t0;
    const pageMs: number[] = [];
    let pages = 1;
    for (;;) {
      const next = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="pager"] button')[1];
      if (!next || next.disabled) break;
      const before = first();
      const t = performance.now();
      next.click();
      await until(() => first() !== before);
      await frame();
      pageMs.push(performance.now() - t);
      pages++;
    }
    return { firstPageMs, pages, pageMs };
  },
};
