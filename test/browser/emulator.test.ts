import { expect } from '@open-wc/testing';
import { DEMO_CREDENTIALS, emulatorControl, emulatorUrl } from '../helpers/emulator.js';

async function token(base: string): Promise<string> {
  const res = await fetch(`${base}/iroh/oauth2/token`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${btoa(`${DEMO_CREDENTIALS.clientId}:${DEMO_CREDENTIALS.clientSecret}`)}`,
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'application/json',
    },
    body: 'grant_type=client_credentials',
  });
  expect(res.status).to.equal(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

describe('the emulator process started for browser tests', () => {
  it('answers the test page over real HTTP, as the emulator (not some other server on the port)', async () => {
    const res = await fetch(`${await emulatorUrl()}/`);
    expect(res.status).to.equal(200);
    const body = (await res.json()) as { name: string; mode: string; token_endpoint: string; modules: unknown[] };
    expect(body.name).to.equal('@pivotkit/server');
    expect(body.mode).to.equal('emulate');
    expect(body.token_endpoint).to.equal('/iroh/oauth2/token');
    expect(body.modules.length).to.be.greaterThan(0);
  });

  it('signs in and enriches from another origin (CORS)', async () => {
    const base = await emulatorUrl();
    const res = await fetch(`${base}/iroh/iroh-enrich/deliberate/observables`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await token(base)}`, 'Content-Type': 'application/json' },
      body: JSON.stringify([{ type: 'domain', value: 'evil.example.net' }]),
    });
    expect(res.status).to.equal(200);
    const body = (await res.json()) as { data: { module: string }[]; errors: unknown[] };
    expect(body.data.map((d) => d.module)).to.deep.equal(['Reputation Feed', 'DNS Shield']);
  });

  it('lets the page read the paging headers', async () => {
    const base = await emulatorUrl();
    const res = await fetch(`${base}/ctia/incident/search?limit=2`, {
      headers: { Authorization: `Bearer ${await token(base)}` },
    });
    expect(Number(res.headers.get('X-Total-Hits'))).to.be.greaterThan(2);
    expect(res.headers.get('X-Next')).to.match(/offset=2/);
  });

  it('injects a 429 through the control endpoint, with a readable Retry-After', async () => {
    const base = await emulatorUrl();
    const t = await token(base);
    const set = await emulatorControl('faults', {
      rateLimitRate: 1,
      retryAfter: 4,
      count: 1,
      paths: ['/iroh/iroh-inspect'],
    });
    expect(set.status).to.equal(200);
    const res = await fetch(`${base}/iroh/iroh-inspect/inspect`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${t}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ content: 'cisco.com' }),
    });
    expect(res.status).to.equal(429);
    expect(res.headers.get('Retry-After')).to.equal('4');
    expect((await emulatorControl('faults', {})).status).to.equal(200);
  });
});
