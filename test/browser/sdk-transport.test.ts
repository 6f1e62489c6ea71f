import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { AbortError, createClient, TimeoutError, type ClientOptions } from '@pivotkit/sdk';

// The SDK's fetch transport in Chromium: the per-attempt timeout and the caller's signal reach a body that
// stalls after the headers (served through msw's worker, so the browser's own fetch and streams are used).
describe('SDK transport in Chromium', () => {
  const base = `${location.origin}/sdk-transport`;
  const started: string[] = [];
  let replies = 0;
  const worker = setupWorker(
    http.post(`${base}/iroh/oauth2/token`, () =>
      HttpResponse.json({ access_token: 't', expires_in: 600, scope: 'casebook private-intel' }),
    ),
    http.get(`${base}/ctia/casebook/:id`, ({ params }) => {
      const id = String(params.id);
      started.push(id);
      if (id === 'flaky' && ++replies === 1) return new HttpResponse(null, { status: 503 });
      if (id === 'flaky') return HttpResponse.json({ id, type: 'casebook', schema_version: '1.3.29' });
      // Headers and the first byte now, the rest never.
      const stream = new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(new TextEncoder().encode('{"id":'));
        },
      });
      return new HttpResponse(stream, { headers: { 'content-type': 'application/json' } });
    }),
  );
  before(() => worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true }));
  after(() => worker.stop());

  const client = (extra: Partial<ClientOptions>) =>
    createClient({
      baseUrls: { visibility: base, privateIntel: base },
      credentials: { clientId: 'demo-client', clientSecret: 'demo-secret' },
      cache: false,
      retryPolicy: { baseMs: 5, maxBackoffMs: 20, random: () => 0.5 },
      ...extra,
    });

  it('times out a body that stalls after the headers', async () => {
    const err = await client({ timeout: 300 })
      .casebooks.get('stall-timeout')
      .catch((e: unknown) => e);
    expect(err).to.be.instanceOf(TimeoutError);
    expect((err as TimeoutError).request.path).to.equal('/sdk-transport/ctia/casebook/stall-timeout');
  });

  it('aborts while the body is being read', async () => {
    const ac = new AbortController();
    // Abort once the headers are in, so the abort lands on the body read.
    const err = await client({
      timeout: false,
      fetch: async (r) => {
        const res = await fetch(r);
        if ((r as Request).url.endsWith('stall-abort')) ac.abort();
        return res;
      },
    })
      .casebooks.get('stall-abort', { signal: ac.signal })
      .catch((e: unknown) => e);
    expect(err).to.be.instanceOf(AbortError);
    expect(started).to.include('stall-abort');
  });

  it('retries a 503 with a new request and reads the second reply', async () => {
    const cb = await client({}).casebooks.get('flaky');
    expect(cb.id).to.equal('flaky');
    expect(started.filter((id) => id === 'flaky')).to.have.length(2);
  });
});
