import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { createClient, NetworkError } from '@pivotkit/sdk';

// The client imports its reply checks with its first call (docs/decisions/0009). When that import fails (the page
// went offline after it loaded, a deploy removed the chunk), the call fails with a NetworkError that says which
// request needed them, not with the browser's TypeError. This file runs in a page of its own, so nothing has
// imported the checks before.
describe('SDK: the reply checks cannot be loaded', () => {
  const base = `${location.origin}/sdk-checks`;
  const worker = setupWorker(
    http.post(`${base}/iroh/oauth2/token`, () =>
      HttpResponse.json({ access_token: 't', expires_in: 600, scope: 'casebook' }),
    ),
    http.get(/\/internal\/checks\.(ts|js)$/, () => HttpResponse.error()),
  );
  before(() => worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true }));
  after(() => worker.stop());

  it('fails the call that needed them with a NetworkError naming its request', async () => {
    const client = createClient({
      baseUrls: { visibility: base, privateIntel: base },
      credentials: { clientId: 'demo-client', clientSecret: 'demo-secret' },
      cache: false,
    });
    const err = await client.signIn().catch((e: unknown) => e);
    expect(err).to.be.instanceOf(NetworkError);
    expect((err as NetworkError).request.path).to.equal('/sdk-checks/iroh/oauth2/token');
    expect((err as NetworkError).cause).to.be.instanceOf(TypeError);
    expect(client.session).to.equal(undefined);
    // Back online: the next call imports them again.
    worker.resetHandlers(
      http.post(`${base}/iroh/oauth2/token`, () =>
        HttpResponse.json({ access_token: 't', expires_in: 600, scope: 'casebook' }),
      ),
    );
    const session = await client.signIn();
    expect(session.scopes).to.deep.equal(['casebook']);
  });
});
