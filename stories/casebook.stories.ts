import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { HttpResponse, http } from 'msw';
import type { Casebook, PivotkitClient } from '@pivotkit/sdk';
import '@pivotkit/elements/pk-casebook.js';
import { Outbox } from '@pivotkit/elements/pk-casebook.js';
import {
  API,
  pageEmulator,
  seedCasebooks,
  storyClient,
  type EmulatorParameters,
  type SeedCase,
  type StoryClientOptions,
} from './support/emulator.js';

// The casebook service is the in-page emulator's: each story seeds the cases it shows (created through the SDK,
// at their age on the emulator's clock), and its verdicts are the emulator's for its demo values.
const HOUR = 3_600_000;
const iso = (hoursAgo: number) => new Date(Date.now() - hoursAgo * HOUR).toISOString();
const casebook = (c: SeedCase & { title: string }): SeedCase => ({ tlp: 'amber', observables: [], texts: [], ...c });

const note = (hoursAgo: number, text: string) => ({ type: 'note', text: `${iso(hoursAgo)}\n${text}` });
const PHISHING = () =>
  casebook({
    hoursAgo: 1,
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
  /** `signed-out`: no client. */
  session: 'signed-in' | 'signed-out';
  docked: boolean;
}

/** What a story shows, in `parameters`: the cases the emulator holds, which one is open, queued edits. */
interface Parameters extends EmulatorParameters {
  cases?: SeedCase[];
  /** Open the first case (`true`) or a case id; otherwise the list. */
  open?: boolean | string;
  client?: StoryClientOptions;
  /** Edits in the outbox before the panel starts (made offline, say). */
  setup?: (outbox: Outbox, cases: Casebook[]) => Promise<void>;
}
type Loaded = { loaded: { client?: PivotkitClient; cases: Casebook[] } };

let db = 0;
const render = (a: Args, { loaded, parameters }: Loaded & { parameters: Parameters }) => {
  localStorage.removeItem('pk-current-case');
  const client = loaded.client;
  const outbox = new Outbox({ dbName: `pk-story-${Date.now()}-${db++}`, client: () => client });
  void parameters.setup?.(outbox, loaded.cases);
  const open = parameters.open;
  const caseId = typeof open === 'string' ? open : open ? (loaded.cases[0]?.id ?? '') : '';
  return html`<div style="max-width: 40rem; height: 40rem">
    <pk-casebook .client=${client} .outbox=${outbox} case-id=${caseId} ?docked=${a.docked}></pk-casebook>
  </div>`;
};

const meta: Meta<Args> = {
  title: 'Elements/Casebook',
  component: 'pk-casebook',
  render: (a, context) => render(a, context as unknown as Loaded & { parameters: Parameters }),
  loaders: [
    async ({ args, parameters }) => {
      const p = parameters as Parameters;
      const cases = await seedCasebooks(p.cases ?? [PHISHING()]);
      return { cases, client: args.session === 'signed-out' ? undefined : await storyClient(p.client) };
    },
  ],
  args: { session: 'signed-in', docked: false },
  argTypes: { session: { control: 'inline-radio', options: ['signed-in', 'signed-out'] } },
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj<Args>;

const withCase = (c: SeedCase, more: Parameters = {}): { parameters: Parameters } => ({
  parameters: { cases: [c], open: true, ...more },
});

export const Playground: Story = {};

export const Empty: Story = { parameters: { cases: [] } satisfies Parameters };

export const ManyCases: Story = {
  name: 'Many cases (1,000, paged)',
  parameters: {
    cases: Array.from({ length: 1000 }, (_, i) =>
      casebook({
        // The first pages an hour apart, the rest from a month ago (each distinct age costs a token to seed).
        hoursAgo: i < 60 ? i + 2 : 24 * 30,
        title: `Case ${1000 - i}: ${['beaconing', 'phishing', 'malware', 'scan'][i % 4]} on host-${i}`,
        tlp: (['amber', 'green', 'red', 'white'] as const)[i % 4],
        observables: Array.from({ length: i % 7 }, (_, j) => ({ type: 'ip', value: `203.0.113.${j}` })),
      }),
    ),
  } satisfies Parameters,
};

const PHISH = PHISHING();
export const MarkdownDescription: Story = withCase(PHISH);

const LONG = casebook({
  hoursAgo: 3,
  title: 'Long notes',
  observables: [{ type: 'domain', value: 'evil.example.net' }],
  texts: Array.from({ length: 12 }, (_, i) =>
    note(
      48 - i * 4,
      `Note ${i + 1}. ${'The host was re-imaged after the analysis; the user was asked to change the password. '.repeat(i % 3 === 0 ? 6 : 1)}`,
    ),
  ),
});
export const LongNotes: Story = withCase(LONG);

const OFFLINE = PHISHING();
export const OfflineWithPendingEdits: Story = {
  name: 'Offline, with pending edits',
  ...withCase(OFFLINE, {
    // Reading works; every write (PATCH, and POST of texts or observables) gets no answer, as offline.
    msw: {
      handlers: [
        http.patch(`${API}/ctia/casebook/:id`, () => HttpResponse.error()),
        http.post(`${API}/ctia/casebook/:id/:part`, () => HttpResponse.error()),
      ],
    },
    setup: async (outbox, [c]) => {
      await outbox.enqueue(
        c!.id,
        { kind: 'field', field: 'title', value: 'Phishing wave, week 47 (3 hosts)', base: c!.title },
        c!.modified,
      );
      await outbox.enqueue(c!.id, {
        kind: 'add-text',
        text: note(0, 'Written offline: kept until the service answers.'),
      });
    },
  }),
};

const CONFLICT = casebook({
  hoursAgo: 2,
  title: 'Renamed by a colleague',
  observables: [{ type: 'ip', value: '198.51.100.7' }],
});
export const Conflict: Story = withCase(CONFLICT, {
  setup: async (outbox, [c]) => {
    await outbox.enqueue(
      c!.id,
      { kind: 'field', field: 'title', value: 'My title, written offline', base: 'The title I saw' },
      iso(30),
    );
  },
});

const RED = casebook({
  hoursAgo: 4,
  title: 'Insider report (restricted)',
  tlp: 'red',
  observables: [{ type: 'email', value: 'leak@pivotkit.example' }],
});
export const RedCase: Story = { name: 'TLP red (never enriched unasked)', ...withCase(RED) };

export const MissingScope: Story = { parameters: { client: { scope: 'enrich:read' } } satisfies Parameters };

export const SignedOut: Story = { args: { session: 'signed-out' } };

export const ListFails: Story = {
  name: 'Error: the list cannot be read (503)',
  parameters: {
    emulator: { faults: { errorRate: 1, errorStatus: 503, paths: ['/ctia/casebook/search'] } },
  } satisfies Parameters,
};

export const UnreadableCase: Story = {
  name: 'One case of the list cannot be read',
  parameters: {
    emulator: { faults: { invalidItemRate: 1, paths: ['/ctia/casebook/search'] } },
  } satisfies Parameters,
};

export const CaseGone: Story = {
  name: 'Error: the case no longer exists',
  parameters: { cases: [], open: 'casebook-deleted' } satisfies Parameters,
};

const BROKEN = casebook({
  hoursAgo: 700,
  title: 'A case whose reply is malformed',
  observables: [{ type: 'ip', value: '198.51.100.7' }],
});
export const Malformed: Story = {
  name: 'Error: a malformed reply',
  parameters: {
    cases: [BROKEN],
    // The list is the emulator's; reading the case itself answers a title that is not a string.
    msw: {
      handlers: [
        http.get(`${API}/ctia/casebook/:id`, async ({ request, params }) => {
          if (params['id'] === 'search') return undefined;
          const res = await (await pageEmulator())!.emulator.fetch(request);
          return HttpResponse.json({ ...((await res.json()) as object), title: 5 }, { status: res.status });
        }),
      ],
    },
  } satisfies Parameters,
};

export const Docked: Story = { args: { docked: true } };
