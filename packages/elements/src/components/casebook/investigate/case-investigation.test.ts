import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient, type Casebook, type Observable, type PivotkitClient } from '@pivotkit/sdk';
import { DEMO_CREDENTIALS, MODULE_IDS, emulatorUrl } from '../../../../../../test/helpers/emulator.js';
import { settings } from '../../../state/settings.js';
import { configure } from '../../../config.js';
import { session } from '../../../state/session.js';
import { loadThemes } from '../../../test-helpers/focus-ring.js';
import './pk-case-investigation.js';
import type { PkCaseInvestigation } from './case-investigation.js';

const OBS: Observable[] = [
  { type: 'domain', value: 'evil.example.net' },
  { type: 'domain', value: 'disputed.example.com' },
  { type: 'domain', value: 'cisco.com' },
  { type: 'ip', value: '198.51.100.7' },
  { type: 'domain', value: 'phish.example.org' },
  { type: 'domain', value: 'unknown.example.org' },
];
const UUID = '0b7e4c1a-3c8e-4f5e-9d59-2c1f0a6b7e11';

function caseOf(tlp: Casebook['tlp'], observables = OBS): Casebook {
  return {
    id: `casebook-${UUID}`,
    longId: `https://private.intel.amp.cisco.com:443/ctia/casebook/casebook-${UUID}`,
    type: 'casebook',
    schema_version: '1.3.29',
    title: 'Beaconing',
    tlp,
    observables,
  };
}

/** Every enrich request the client sends, and a gate that holds enrich requests until opened. */
interface Wire {
  enrich: string[];
  /** The `mids` of each enrich request, with its path: `deliberate/observables?mids=a,b`. */
  asked: string[];
  /** Holds the enrich requests whose body mentions `value` (one batch's observable). */
  hold(value: string): void;
  release(): void;
  held(): number;
}

async function signedIn(opts: { scope?: string } = {}): Promise<{ client: PivotkitClient; wire: Wire }> {
  const url = await emulatorUrl();
  let holding = '';
  const waiting: (() => void)[] = [];
  const wire: Wire = {
    enrich: [],
    asked: [],
    hold: (value) => (holding = JSON.stringify(value)),
    release: () => {
      holding = '';
      for (const w of waiting.splice(0)) w();
    },
    held: () => waiting.length,
  };
  const tracked: typeof fetch = async (input, init) => {
    const u = new URL(input instanceof Request ? input.url : String(input));
    if (u.pathname.includes('/iroh-enrich/')) {
      wire.enrich.push(u.pathname.split('/iroh-enrich/')[1]!);
      wire.asked.push(`${u.pathname.split('/iroh-enrich/')[1]!}?mids=${u.searchParams.getAll('mids').join(',')}`);
      const body =
        typeof init?.body === 'string' ? init.body : input instanceof Request ? await input.clone().text() : '';
      if (holding && body.includes(holding)) {
        const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
        await new Promise<void>((resolve, reject) => {
          waiting.push(resolve);
          signal?.addEventListener('abort', () => reject(signal.reason ?? new DOMException('aborted', 'AbortError')));
        });
      }
    }
    return fetch(input, init);
  };
  const base = { baseUrls: { visibility: url, privateIntel: url }, cache: false as const, retry: 0, fetch: tracked };
  const client = opts.scope
    ? createClient({
        ...base,
        tokenProvider: async () => {
          const res = await fetch(`${url}/iroh/oauth2/token`, {
            method: 'POST',
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              authorization: `Basic ${btoa(`${DEMO_CREDENTIALS.clientId}:${DEMO_CREDENTIALS.clientSecret}`)}`,
            },
            body: new URLSearchParams({ grant_type: 'client_credentials', scope: opts.scope! }).toString(),
          });
          return (await res.json()) as { access_token: string };
        },
      })
    : createClient({ ...base, credentials: DEMO_CREDENTIALS });
  configure({ client });
  expect(await session.signIn()).to.equal(true);
  return { client, wire };
}

const root = (el: PkCaseInvestigation) => el.shadowRoot!;
const part = (el: PkCaseInvestigation, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const done = (el: PkCaseInvestigation) =>
  waitUntil(() => /Investigation done/.test(part(el, 'status')?.textContent ?? ''), 'the investigation ends', {
    timeout: 20000,
  });
const activeId = (el: PkCaseInvestigation) => (root(el).activeElement as Element | null)?.getAttribute('data-id');

async function mount(cb: Casebook, modules: string[] = []) {
  // On the theme's surface, as inside the casebook panel.
  const page = await fixture<HTMLElement>(
    html`<div style="background: var(--pk-color-surface, #fff); color: var(--pk-color-text); padding: 8px">
      <pk-case-investigation .casebook=${cb} .modules=${modules}></pk-case-investigation>
    </div>`,
  );
  const el = page.querySelector('pk-case-investigation')!;
  await el.updateComplete;
  return el;
}

async function pressStart(el: PkCaseInvestigation) {
  part(el, 'start')!.focus();
  await sendKeys({ press: 'Enter' });
}

describe('pk-case-investigation', function () {
  this.timeout(30000);
  afterEach(() => configure({ client: undefined }));

  it('sends nothing until asked, then shows verdicts, disagreements, sightings, the picture and its table', async () => {
    const { wire } = await signedIn();
    const el = await mount(caseOf('amber'));
    expect(wire.enrich).to.deep.equal([]);
    await pressStart(el);
    await done(el);
    expect(new Set(wire.enrich)).to.deep.equal(
      new Set(['deliberate/observables', 'observe/observables', 'refer/observables']),
    );
    const counts = [...root(el).querySelectorAll('[part~="count"]')].map((c) => c.textContent!.trim());
    expect(counts).to.include('Malicious: 3'); // disputed.example.com included: DNS Shield's Malicious wins

    expect(counts).to.include('Suspicious: 1');
    expect(counts.some((c) => c.startsWith('Clean:'))).to.equal(true);
    expect(counts.some((c) => c.startsWith('Unknown:'))).to.equal(true);
    expect(part(el, 'disputed')!.textContent).to.contain('disputed.example.com');
    expect(part(el, 'disputed')!.textContent).to.match(/DNS Shield: Malicious/);
    expect(part(el, 'sightings')!.textContent).to.contain('DNS Shield');
    const nodes = root(el).querySelectorAll('[part~="node"]');
    expect(nodes.length).to.be.greaterThan(OBS.length);
    expect(root(el).querySelectorAll('[part~="table"] tbody tr').length).to.equal(OBS.length);
    const link = part(el, 'console-link') as HTMLAnchorElement;
    expect(link.href).to.match(new RegExp(`/investigate\\?spid=${UUID}$`));
    expect(link.rel).to.equal('noopener noreferrer');
    await expect(el).to.be.accessible();
  });

  it('asks only the modules chosen in the settings', async () => {
    const { wire } = await signedIn();
    settings.set({ mids: [MODULE_IDS.dns] });
    try {
      const el = await mount(caseOf('amber'));
      await pressStart(el);
      await done(el);
      const asked = [...new Set(wire.asked.filter((a) => !a.startsWith('refer/')))].sort();
      expect(asked).to.deep.equal([
        `deliberate/observables?mids=${MODULE_IDS.dns}`,
        `observe/observables?mids=${MODULE_IDS.dns}`,
      ]);
      const text = root(el).textContent!;
      expect(text).to.contain('DNS Shield');
      expect(text).not.to.contain('Reputation Feed');
      expect(text).not.to.contain('Endpoint Guard');
      // A TLP red case names only the chosen module as the one that will see its values.
      el.casebook = caseOf('red');
      await el.updateComplete;
      expect(part(el, 'start')!.textContent).to.contain('DNS Shield');
      expect(part(el, 'start')!.textContent).not.to.contain('Reputation Feed');
    } finally {
      settings.reset();
    }
  });

  it('moves through the picture with the arrow keys and pins a node with Enter', async () => {
    await signedIn();
    const el = await mount(caseOf('green'));
    await pressStart(el);
    await done(el);
    await sendKeys({ press: 'Tab' }); // past the console link…
    while (!activeId(el)) await sendKeys({ press: 'Tab' });
    const first = activeId(el)!;
    expect(first).to.match(/^obs:/);
    expect(root(el).activeElement!.getAttribute('aria-label')).to.match(/evil\.example\.net|198\.51\.100\.7/);
    await sendKeys({ press: 'ArrowDown' });
    expect(activeId(el)).not.to.equal(first);
    expect(activeId(el)).to.match(/^obs:/);
    await sendKeys({ press: 'ArrowRight' });
    expect(activeId(el)).to.match(/^mod:/);
    await sendKeys({ press: 'ArrowRight' });
    expect(activeId(el)).to.match(/^outcome:/);
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'Home' });
    const top = activeId(el)!;
    await sendKeys({ press: 'Enter' });
    expect(root(el).activeElement!.getAttribute('aria-pressed')).to.equal('true');
    expect(part(el, 'details')!.textContent).to.contain(':');
    // Others than what the pinned module connects to are dimmed.
    expect(root(el).querySelectorAll('.node.dim').length).to.be.greaterThan(0);
    await sendKeys({ press: 'Escape' });
    expect(
      root(el)
        .querySelector(`[data-id="${CSS.escape(top)}"]`)!
        .getAttribute('aria-pressed'),
    ).to.equal('false');
    // Only one node is in the tab order (roving tabindex).
    expect(root(el).querySelectorAll('[part~="node"][tabindex="0"]').length).to.equal(1);
  });

  it('makes its actions a toolbar: one Tab stop, arrows between the start button and the console link', async () => {
    await signedIn();
    const el = await mount(caseOf('amber'));
    const bar = part(el, 'actions')!;
    expect(bar.getAttribute('role')).to.equal('toolbar');
    expect(bar.getAttribute('aria-label')).to.equal('Investigate this case');
    const start = part(el, 'start')!;
    const link = part(el, 'console-link')!;
    const focusedPart = () => root(el).activeElement?.getAttribute('part');
    expect([start.tabIndex, link.tabIndex]).to.deep.equal([0, -1]);
    start.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(focusedPart()).to.equal('console-link');
    expect([start.tabIndex, link.tabIndex]).to.deep.equal([-1, 0]);
    await sendKeys({ press: 'ArrowRight' });
    expect(focusedPart()).to.equal('start');
    await sendKeys({ press: 'End' });
    expect(focusedPart()).to.equal('console-link');
    await expect(el).to.be.accessible();
  });

  it('never enriches a TLP red case without the action that names the modules', async () => {
    const { wire } = await signedIn();
    const el = await mount(caseOf('red'), ['Reputation Feed', 'DNS Shield', 'Endpoint Guard']);
    expect(part(el, 'red-notice')!.textContent).to.contain('TLP red');
    const start = part(el, 'start')!;
    expect(start.textContent).to.contain('Send 6 values to Reputation Feed, DNS Shield, Endpoint Guard');
    expect(start.getAttribute('aria-describedby')).to.equal('red-notice');
    await expect(el).to.be.accessible();
    // A re-render, a new case object, time passing: still nothing sent.
    el.casebook = { ...caseOf('red') };
    await el.updateComplete;
    expect(wire.enrich).to.deep.equal([]);
    await pressStart(el);
    await done(el);
    expect(wire.enrich.length).to.equal(3);
  });

  it('cancels between and during batches, keeping what it found', async () => {
    const { wire } = await signedIn();
    const many = Array.from({ length: 30 }, (_, i) => ({ type: 'ip', value: `192.0.2.${i + 1}` }));
    const el = await mount(caseOf('green', [OBS[0]!, ...many]));
    wire.hold('192.0.2.30'); // in the second batch only
    await pressStart(el);
    await waitUntil(() => wire.held() > 0, 'the second batch is asked');
    await waitUntil(() => /Batch 2 of 2: 25/.test(part(el, 'status')?.textContent ?? ''), 'the first batch shown');
    await expect(el).to.be.accessible();
    const cancel = part(el, 'cancel')!;
    cancel.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => /Canceled after 25 of 31/.test(part(el, 'status')?.textContent ?? ''), 'canceled');
    const asked = wire.enrich.length;
    wire.release();
    await el.updateComplete;
    expect(wire.enrich.length).to.equal(asked);
    expect(root(el).querySelectorAll('[part~="table"] tbody tr').length).to.equal(25);
    expect(part(el, 'start')!.textContent).to.contain('Investigate again');
    await expect(el).to.be.accessible();
  }).timeout(40000);

  it('asks to sign in when signed out, and names the missing scope', async () => {
    const el = await mount(caseOf('green'));
    expect(part(el, 'sign-in')).to.exist;
    expect(part(el, 'start')).to.equal(null);
    expect(part(el, 'console-link')).to.exist;
    await expect(el).to.be.accessible();
    await signedIn({ scope: 'casebook' });
    await el.updateComplete;
    expect(part(el, 'missing-scopes')!.textContent).to.match(/enrich/);
    expect(part(el, 'start')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('is accessible in the dark theme with results shown', async () => {
    await loadThemes();
    await signedIn();
    const el = await mount(caseOf('amber'));
    await pressStart(el);
    await done(el);
    document.documentElement.classList.add('pk-theme-dark');
    try {
      await expect(el.parentElement!).to.be.accessible();
    } finally {
      document.documentElement.classList.remove('pk-theme-dark');
    }
  });
});
