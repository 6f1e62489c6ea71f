import { expect } from '@open-wc/testing';
import { createClient } from '@pivotkit/sdk';
import { startEmulatorWorker } from '@pivotkit/server/msw';
import type { EmulatorWorker } from '@pivotkit/server/msw';

// The emulator as msw handlers in Chromium: the same logic as the HTTP emulator, with no server process.
describe('the emulator as msw handlers (@pivotkit/server/msw)', () => {
  let worker: EmulatorWorker;
  const base = location.origin;

  before(async () => {
    worker = await startEmulatorWorker({ origin: base });
  });
  after(() => worker.stop());

  async function token(): Promise<string> {
    const res = await fetch(`${base}/iroh/oauth2/token`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${btoa('demo-client:demo-secret')}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    expect(res.status).to.equal(200);
    return ((await res.json()) as { access_token: string }).access_token;
  }

  it('issues a signed token with WebCrypto and enforces it', async () => {
    const t = await token();
    expect(t.split('.')).to.have.length(3);
    const denied = await fetch(`${base}/ctia/casebook/search`);
    expect(denied.status).to.equal(401);
  });

  it('answers enrich with the same demo intel as the HTTP emulator, errors included', async () => {
    const t = await token();
    const res = await fetch(`${base}/iroh/iroh-enrich/deliberate/observables`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${t}`, 'Content-Type': 'application/json' },
      body: JSON.stringify([
        { type: 'domain', value: 'disputed.example.com' },
        { type: 'domain', value: 'module-error.example.com' },
      ]),
    });
    expect(res.status).to.equal(200);
    const body = (await res.json()) as {
      data: { module: string; data: { verdicts: { docs: { disposition: number }[] } } }[];
      errors: { module: string }[];
    };
    const dns = body.data.find((d) => d.module === 'DNS Shield')!;
    expect(dns.data.verdicts.docs[0]!.disposition).to.equal(2);
    expect(body.errors.map((e) => e.module)).to.deep.equal(['DNS Shield']);
  });

  it('keeps casebooks in memory and pages them with CTIA headers', async () => {
    const t = await token();
    const headers = { Authorization: `Bearer ${t}`, 'Content-Type': 'application/json' };
    const created = await fetch(`${base}/ctia/casebook`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ title: 'In the browser' }),
    });
    expect(created.status).to.equal(201);
    const id = ((await created.json()) as { id: string }).id.split('/').pop();
    const got = await fetch(`${base}/ctia/casebook/${id}`, { headers });
    expect(((await got.json()) as { title: string }).title).to.equal('In the browser');
    const page = await fetch(`${base}/ctia/casebook/search?limit=1`, { headers });
    expect(Number(page.headers.get('X-Total-Hits'))).to.be.greaterThan(1);
    expect(page.headers.get('X-Next')).to.match(/offset=1/);
  });

  it('serves the SDK in the page, as Storybook stories use it', async () => {
    const client = createClient({
      baseUrls: { visibility: base, privateIntel: base },
      credentials: { clientId: 'demo-client', clientSecret: 'demo-secret' },
      cache: false,
    });
    await client.signIn();
    expect(client.can('casebook')).to.equal(true);
    const r = await client.enrich.deliberate([
      { type: 'sha256', value: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' },
    ]);
    expect(r.verdicts[0]!.conflict).to.equal(true);
    const cb = await client.casebooks.create({ title: 'SDK in msw' });
    expect((await client.casebooks.get(cb.id)).title).to.equal('SDK in msw');
  });

  it('turns an injected dropped connection into a network error', async () => {
    worker.emulator.faults.set({ dropRate: 1, count: 1, paths: ['/iroh/iroh-inspect'] });
    const t = await token();
    let failed: unknown;
    try {
      await fetch(`${base}/iroh/iroh-inspect/inspect`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${t}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ content: 'cisco.com' }),
      });
    } catch (e) {
      failed = e;
    }
    expect(failed).to.be.instanceOf(TypeError);
    const again = await fetch(`${base}/iroh/iroh-inspect/inspect`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${t}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ content: 'cisco.com' }),
    });
    expect(await again.json()).to.deep.equal([{ value: 'cisco.com', type: 'domain' }]);
  });
});
