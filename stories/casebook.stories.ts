import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import {
  ApiShapeError,
  HttpStatusError,
  NetworkError,
  NotFoundError,
  dispositionName,
  type Casebook,
  type Disposition,
  type NewCasebook,
  type Observable,
  type PivotkitClient,
} from '@pivotkit/sdk';
import '@pivotkit/elements/pk-casebook.js';
import { Outbox } from '@pivotkit/elements/pk-casebook.js';

// An in-memory casebook service for the stories: paging as CTIA does it, canned verdicts, chosen failures.
interface FakeCases {
  cases?: Casebook[];
  scopes?: string[];
  /** Which calls fail, and how. */
  fail?: { list?: Error; get?: Error; writes?: Error };
  signedOut?: boolean;
}
const req = { method: 'GET', path: '/ctia/casebook', host: 'private.intel.amp.cisco.com' };
const HOUR = 3_600_000;
const iso = (hoursAgo: number) => new Date(Date.now() - hoursAgo * HOUR).toISOString();
const VERDICTS: Record<string, [string, Disposition][]> = {
  'evil.example.net': [
    ['DNS Shield', 2],
    ['Reputation Feed', 2],
  ],
  '198.51.100.7': [['Endpoint Guard', 3]],
  'disputed.example.com': [
    ['DNS Shield', 2],
    ['Reputation Feed', 1],
  ],
};

let n = 0;
function casebook(c: Partial<Casebook> & { title: string }): Casebook {
  const id = `casebook-story-${n++}`;
  return {
    id,
    longId: `https://private.intel.amp.cisco.com:443/ctia/casebook/${id}`,
    type: 'casebook',
    schema_version: '1.3.29',
    tlp: 'amber',
    observables: [],
    texts: [],
    created: iso(n),
    modified: iso(n),
    ...c,
  };
}

function fakeCasebookClient(opts: FakeCases = {}): PivotkitClient {
  const store = new Map((opts.cases ?? []).map((c) => [c.id, c]));
  const scopes = opts.scopes ?? ['casebook', 'enrich:read', 'inspect:read'];
  const can = (f: string) => (f === 'casebook' ? scopes.includes('casebook') : f === 'enrich' || f === 'inspect');
  const write = (id: string, fn: (c: Casebook) => Casebook) => {
    if (opts.fail?.writes) return Promise.reject(opts.fail.writes);
    const c = store.get(id);
    if (!c) return Promise.reject(new NotFoundError(req));
    const next = { ...fn(c), modified: new Date().toISOString() };
    store.set(id, next);
    return Promise.resolve(next);
  };
  const client = {
    session: opts.signedOut ? undefined : { scopes, expiresAt: Date.now() + 600_000, clientId: 'story-client' },
    signIn: () => Promise.reject(new Error('signed out')),
    can,
    missingScopes: (f: string) => (f === 'casebook' && !can(f) ? ['casebook'] : []),
    signOut() {},
    inspect: async () => [],
    enrich: {
      async deliberate(obs: Observable[], o?: { onModule?: (m: unknown) => void }) {
        const verdicts = obs.map((observable) => {
          const ms = (VERDICTS[observable.value] ?? []).map(([module, d]) => ({
            module,
            moduleInstanceId: module,
            disposition: d,
            dispositionName: dispositionName(d),
          }));
          const known = [...new Set(ms.map((m) => m.disposition))];
          const d = (known.sort()[0] ?? 5) as Disposition;
          return {
            observable,
            disposition: d,
            dispositionName: dispositionName(d),
            modules: ms,
            conflict: known.length > 1,
          };
        });
        o?.onModule?.({
          module: 'DNS Shield',
          moduleInstanceId: 'DNS Shield',
          verdicts: [],
          judgements: [],
          sightings: [],
        });
        return {
          modules: [],
          errors: [],
          verdicts,
          verdictFor: (x: Observable) => verdicts.find((v) => v.observable.value === x.value),
        };
      },
      observe: () => Promise.reject(new Error('not in stories')),
      refer: async () => ({ links: [], errors: [] }),
    },
    response: { actions: async () => ({ actions: [], errors: [] }), trigger: () => Promise.reject(new Error('no')) },
    casebooks: {
      async list(p: { query?: string; limit?: number; offset?: number } = {}) {
        if (opts.fail?.list) throw opts.fail.list;
        const q = (p.query ?? '').replace(/[*"]/g, '').toLowerCase();
        const all = [...store.values()]
          .filter((c) => !q || JSON.stringify(c).toLowerCase().includes(q))
          .sort((a, b) => (b.created ?? '').localeCompare(a.created ?? ''));
        const offset = p.offset ?? 0;
        const limit = p.limit ?? 100;
        const items = all.slice(offset, offset + limit);
        return { items, total: all.length, next: offset + limit < all.length ? { offset: offset + limit } : undefined };
      },
      async get(id: string) {
        if (opts.fail?.get) throw opts.fail.get;
        const c = store.get(id);
        if (!c) throw new NotFoundError(req);
        return c;
      },
      async create(input: NewCasebook) {
        if (opts.fail?.writes) throw opts.fail.writes;
        const c = casebook({ title: '', ...input });
        store.set(c.id, c);
        return c;
      },
      update: (id: string, patch: Partial<Casebook>) => write(id, (c) => ({ ...c, ...patch })),
      addObservables: (id: string, o: Observable[]) =>
        write(id, (c) => ({ ...c, observables: [...(c.observables ?? []), ...o] })),
      removeObservables: (id: string, o: Observable[]) =>
        write(id, (c) => ({
          ...c,
          observables: (c.observables ?? []).filter((x) => !o.some((r) => r.value === x.value)),
        })),
      addTexts: (id: string, t: { type: string; text: string }[]) =>
        write(id, (c) => ({ ...c, texts: [...(c.texts ?? []), ...t] })),
      delete: async (id: string) => void store.delete(id),
    },
    incidents: {
      list: async () => ({ items: [] }),
      get: () => Promise.reject(new Error('no')),
      setStatus: () => Promise.reject(new Error('no')),
    },
  };
  return client as unknown as PivotkitClient;
}

const note = (hoursAgo: number, text: string) => ({ type: 'note', text: `${iso(hoursAgo)}\n${text}` });
const PHISHING = () =>
  casebook({
    title: 'Phishing wave, week 47',
    short_description: 'Indicators from the reported e-mails',
    description:
      '## What we know\n\n- Three users clicked the link\n- The payload beacons to `198.51.100.7`\n\n> Do not unblock before the review.\n\nSee the [runbook](https://www.example.com/runbooks/phishing).',
    observables: [
      { type: 'email', value: 'attacker@evil.example.net' },
      { type: 'domain', value: 'evil.example.net' },
      { type: 'ip', value: '198.51.100.7' },
      { type: 'domain', value: 'disputed.example.com' },
    ],
    texts: [note(20, 'Opened from the user reports.'), note(2, 'Two more hosts resolved the domain.')],
  });

interface Args {
  client: PivotkitClient | undefined;
  caseId: string;
  docked: boolean;
  setup?: (outbox: Outbox) => Promise<void>;
}

let db = 0;
const render = (a: Args) => {
  localStorage.removeItem('pk-current-case');
  const outbox = new Outbox({ dbName: `pk-story-${Date.now()}-${db++}`, client: () => a.client });
  void a.setup?.(outbox);
  return html`<div style="max-width: 40rem; height: 40rem">
    <pk-casebook .client=${a.client} .outbox=${outbox} case-id=${a.caseId} ?docked=${a.docked}></pk-casebook>
  </div>`;
};

const meta: Meta<Args> = {
  title: 'Elements/Casebook',
  component: 'pk-casebook',
  render,
  argTypes: { client: { control: false }, setup: { control: false } },
  args: { client: fakeCasebookClient({ cases: [PHISHING()] }), caseId: '', docked: false },
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj<Args>;

const withCase = (c: Casebook, opts: FakeCases = {}): Partial<Args> => ({
  client: fakeCasebookClient({ ...opts, cases: [c, ...(opts.cases ?? [])] }),
  caseId: c.id,
});

export const Playground: Story = {};

export const Empty: Story = { args: { client: fakeCasebookClient({ cases: [] }) } };

export const ManyCases: Story = {
  name: 'Many cases (1,000, paged)',
  args: {
    client: fakeCasebookClient({
      cases: Array.from({ length: 1000 }, (_, i) =>
        casebook({
          title: `Case ${1000 - i}: ${['beaconing', 'phishing', 'malware', 'scan'][i % 4]} on host-${i}`,
          tlp: (['amber', 'green', 'red', 'white'] as const)[i % 4],
          observables: Array.from({ length: i % 7 }, (_, j) => ({ type: 'ip', value: `203.0.113.${j}` })),
        }),
      ),
    }),
  },
};

const PHISH = PHISHING();
export const MarkdownDescription: Story = { args: withCase(PHISH) };

const LONG = casebook({
  title: 'Long notes',
  observables: [{ type: 'domain', value: 'evil.example.net' }],
  texts: Array.from({ length: 12 }, (_, i) =>
    note(
      48 - i * 4,
      `Note ${i + 1}. ${'The host was re-imaged after the analysis; the user was asked to change the password. '.repeat(i % 3 === 0 ? 6 : 1)}`,
    ),
  ),
});
export const LongNotes: Story = { args: withCase(LONG) };

const OFFLINE = PHISHING();
export const OfflineWithPendingEdits: Story = {
  name: 'Offline, with pending edits',
  args: {
    ...withCase(OFFLINE, { fail: { writes: new NetworkError({ ...req, method: 'PATCH' }) } }),
    setup: async (outbox) => {
      await outbox.enqueue(
        OFFLINE.id,
        { kind: 'field', field: 'title', value: 'Phishing wave, week 47 (3 hosts)', base: OFFLINE.title },
        OFFLINE.modified,
      );
      await outbox.enqueue(OFFLINE.id, {
        kind: 'add-text',
        text: note(0, 'Written offline: kept until the service answers.'),
      });
    },
  },
};

const CONFLICT = casebook({ title: 'Renamed by a colleague', observables: [{ type: 'ip', value: '198.51.100.7' }] });
export const Conflict: Story = {
  args: {
    ...withCase(CONFLICT),
    setup: async (outbox) => {
      await outbox.enqueue(
        CONFLICT.id,
        { kind: 'field', field: 'title', value: 'My title, written offline', base: 'The title I saw' },
        iso(30),
      );
    },
  },
};

const RED = casebook({
  title: 'Insider report (restricted)',
  tlp: 'red',
  observables: [{ type: 'email', value: 'leak@pivotkit.example' }],
});
export const RedCase: Story = { name: 'TLP red (never enriched unasked)', args: withCase(RED) };

export const MissingScope: Story = { args: { client: fakeCasebookClient({ scopes: ['enrich:read'] }) } };

export const SignedOut: Story = { args: { client: undefined } };

export const ListFails: Story = {
  name: 'Error: the list cannot be read (503)',
  args: { client: fakeCasebookClient({ fail: { list: new HttpStatusError(503, 'Service unavailable (503)', req) } }) },
};

export const CaseGone: Story = {
  name: 'Error: the case no longer exists',
  args: { client: fakeCasebookClient({ cases: [] }), caseId: 'casebook-deleted' },
};

const BROKEN = casebook({
  title: 'A case whose reply is malformed',
  observables: [{ type: 'ip', value: '198.51.100.7' }],
});
export const Malformed: Story = {
  name: 'Error: a malformed reply',
  args: {
    ...withCase(BROKEN, {
      fail: { get: new ApiShapeError(req, 'title', [{ path: 'title', message: 'expected string' }]) },
    }),
    caseId: '',
  },
};

export const Docked: Story = { args: { docked: true } };
