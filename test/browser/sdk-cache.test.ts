import { expect } from '@open-wc/testing';
import {
  createClient,
  indexedDbVerdictCache,
  defaultVerdictCache,
  type Observable,
  type ObservableVerdict,
} from '@pivotkit/sdk';

const ip: Observable = { type: 'ip', value: '203.0.113.50' };

/** A fetch that plays the token endpoint and a deliberate endpoint that calls every IP Malicious. */
function fakeService() {
  const enrichCalls: Observable[][] = [];
  const fetch = async (input: RequestInfo | URL): Promise<Response> => {
    const req = input as Request;
    const path = new URL(req.url).pathname;
    const json = (v: unknown) => new Response(JSON.stringify(v), { headers: { 'content-type': 'application/json' } });
    if (path === '/iroh/oauth2/token') return json({ access_token: 't', expires_in: 600, scope: 'enrich:read' });
    const asked = (await req.json()) as Observable[];
    enrichCalls.push(asked);
    return json({
      data: [
        {
          module: 'Talos',
          module_instance_id: 'mid-talos',
          module_type_id: 'type-talos',
          data: {
            verdicts: {
              count: asked.length,
              docs: asked.map((o) => ({ type: 'verdict', disposition: 2, observable: o, valid_time: {} })),
            },
          },
        },
      ],
      errors: [],
    });
  };
  return { fetch, enrichCalls };
}

describe('SDK verdict cache in IndexedDB', () => {
  it('keeps verdicts across a reload, so the page does not enrich again', async () => {
    const dbName = `pk-test-${crypto.randomUUID()}`;
    const service = fakeService();
    const open = () =>
      createClient({
        baseUrls: { visibility: 'https://tr.example', privateIntel: 'https://tr.example' },
        credentials: { clientId: 'demo-client', clientSecret: 'demo-secret' },
        fetch: service.fetch,
        cache: indexedDbVerdictCache({ dbName }),
      });
    const first = await open().enrich.deliberate([ip]);
    expect(first.verdictFor(ip)?.dispositionName).to.equal('Malicious');
    // A reload: a new client and a new cache object over the same database.
    const second = await open().enrich.deliberate([ip]);
    expect(second.verdictFor(ip)?.dispositionName).to.equal('Malicious');
    expect(service.enrichCalls.length).to.equal(1);
  });

  it('forgets verdicts after the TTL', async () => {
    const dbName = `pk-test-${crypto.randomUUID()}`;
    let now = 1_000;
    const cache = indexedDbVerdictCache({ dbName, ttlMs: 1_000, now: () => now });
    const verdict = {
      observable: ip,
      disposition: 2 as const,
      dispositionName: 'Malicious' as const,
      modules: [],
      conflict: false,
    };
    await cache.set('k', verdict);
    expect(await cache.get('k')).to.deep.equal(verdict);
    await cache.setMany!([['a', verdict]]);
    expect(await cache.getMany!(['k', 'a', 'missing'])).to.deep.equal([verdict, verdict, undefined]);
    now += 1_001;
    expect(await cache.get('k')).to.equal(undefined);
    expect(await cache.getMany!(['k', 'a'])).to.deep.equal([undefined, undefined]);
  });

  it('is the default cache in a browser: what it stores is in IndexedDB, not in memory', async () => {
    // Start with no database, so that finding it afterwards proves this cache created it.
    await new Promise<void>((resolve, reject) => {
      const del = indexedDB.deleteDatabase('pivotkit');
      del.onsuccess = () => resolve();
      del.onerror = () => reject(del.error);
    });
    expect((await indexedDB.databases()).some((d) => d.name === 'pivotkit')).to.equal(false);
    const key = `probe-${crypto.randomUUID()}`;
    const verdict: ObservableVerdict = {
      observable: ip,
      disposition: 5,
      dispositionName: 'Unknown',
      modules: [],
      conflict: false,
    };
    await defaultVerdictCache().set(key, verdict);
    expect((await indexedDB.databases()).some((d) => d.name === 'pivotkit')).to.equal(true);
    // A second cache instance shares nothing in memory with the first: it can only find the entry on disk.
    expect(await defaultVerdictCache().get(key)).to.deep.equal(verdict);
  });
});
