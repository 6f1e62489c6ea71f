import { expect } from '@open-wc/testing';
import { createClient, type PivotkitClient } from '@pivotkit/sdk';
import { DEMO_CREDENTIALS, emulatorUrl } from '../../../../test/helpers/emulator.js';
import { session, type SessionState } from './session.js';
import { configure, getClient, onClientChange } from '../config.js';
import { openOtherTab } from '../test-helpers/two-tabs.js';

async function client(
  credentials: { clientId: string; clientSecret: string } = DEMO_CREDENTIALS,
): Promise<PivotkitClient> {
  const url = await emulatorUrl();
  return createClient({ baseUrls: { visibility: url, privateIntel: url }, credentials, cache: false });
}

describe('session', () => {
  afterEach(() => session.setClient(undefined));

  it('is signed out with no client, and signIn() says false', async () => {
    session.setClient(undefined);
    expect(session.get()).to.deep.include({ status: 'signed-out', client: undefined, scopes: [] });
    expect(await session.signIn()).to.equal(false);
    expect(session.can('enrich')).to.equal(false);
  });

  it('goes signing-in, then signed-in with the scopes, expiry and client id', async () => {
    const c = await client();
    session.setClient(c, { region: 'eu' });
    const seen: SessionState['status'][] = [];
    const off = session.subscribe((s) => seen.push(s.status));
    expect(await session.signIn()).to.equal(true);
    off();
    expect(seen).to.deep.equal(['signing-in', 'signed-in']);
    const s = session.get();
    expect(s.client).to.equal(c);
    expect(s.scopes.some((x) => x.startsWith('enrich'))).to.equal(true);
    expect(s.expiresAt).to.be.greaterThan(Date.now());
    expect(s.clientId).to.equal(DEMO_CREDENTIALS.clientId);
    expect(s.region).to.equal('eu');
    expect(session.can('enrich')).to.equal(true);
    expect(session.missingScopes('enrich')).to.deep.equal([]);
  });

  it('ends in error with the SDK error when the credentials are refused, and never holds the secret', async () => {
    const secret = 'canary-secret-51ab';
    session.setClient(await client({ clientId: 'demo-client', clientSecret: secret }));
    expect(await session.signIn()).to.equal(false);
    const s = session.get();
    expect(s.status).to.equal('error');
    expect((s.error as Error).name).to.match(/Error$/);
    const { client: _c, error: _e, ...plain } = s;
    expect(JSON.stringify(plain)).not.to.include(secret);
  });

  it('goes back to signed-out when the caller aborts the sign-in', async () => {
    session.setClient(await client());
    const abort = new AbortController();
    const p = session.signIn({ signal: abort.signal });
    abort.abort();
    expect(await p).to.equal(false);
    expect(session.get().status).to.equal('signed-out');
  });

  it('answers true to two elements that ask to sign in at once', async () => {
    session.setClient(await client());
    expect(await Promise.all([session.signIn(), session.signIn()])).to.deep.equal([true, true]);
    expect(session.get().status).to.equal('signed-in');
  });

  it('lets a newer client win over an older sign-in still running', async () => {
    const old = await client();
    session.setClient(old);
    const p = session.signIn();
    const newer = await client();
    session.setClient(newer);
    await p;
    expect(session.get().client).to.equal(newer);
    expect(session.get().status).to.equal('signed-out');
  });

  it('signs out: the client forgets its token; forget also drops the client', async () => {
    const c = await client();
    session.setClient(c);
    await session.signIn();
    session.signOut();
    expect(c.session).to.equal(undefined);
    expect(session.get()).to.deep.include({ status: 'signed-out', client: c });
    session.signOut({ forget: true });
    expect(session.get().client).to.equal(undefined);
  });

  it('signs out the other tabs too', async () => {
    const other = await openOtherTab();
    try {
      const theirs = other.mod.session;
      const c = await client();
      theirs.setClient(c);
      await theirs.signIn();
      expect(theirs.get().status).to.equal('signed-in');
      const gone = new Promise<void>((resolve) => {
        const off = theirs.subscribe((s) => {
          if (s.status !== 'signed-out') return;
          off();
          resolve();
        });
      });
      session.signOut({ forget: true });
      await gone;
      expect(theirs.get().client).to.equal(undefined);
      expect(c.session).to.equal(undefined);
    } finally {
      other.close();
    }
  });

  it('is what configure() sets, and onClientChange keeps working', async () => {
    const c = await client();
    const heard: (PivotkitClient | undefined)[] = [];
    const off = onClientChange((x) => heard.push(x));
    configure({ client: c });
    expect(session.get().client).to.equal(c);
    expect(getClient()).to.equal(c);
    configure({ client: c });
    session.signOut({ forget: true });
    off();
    expect(heard).to.deep.equal([c, c, undefined]);
  });
});
