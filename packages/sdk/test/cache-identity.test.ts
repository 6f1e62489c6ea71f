// The verdict cache belongs to one identity: keyed by org (from the token's claims) and client, read only after a
// successful sign-in, cleared on signOut().
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AuthError, createClient, memoryVerdictCache, type VerdictCache } from '@pivotkit/sdk';
import type { Seen } from './helpers/loopback.js';
import { loopbackPool } from './helpers/client.js';

const server = loopbackPool();
const CLAIMS = 'https://schemas.cisco.com/iroh/identity/claims/';
const o = { type: 'domain', value: 'evil.example' };

/** An unsigned JWT with the IROH claims the SDK reads (the test server does not check signatures). */
const jwt = (org: string, client: string) =>
  `e30.${Buffer.from(
    JSON.stringify({
      [`${CLAIMS}org/id`]: org,
      [`${CLAIMS}oauth/client/id`]: client,
      [`${CLAIMS}scopes`]: ['enrich:read'],
    }),
  ).toString('base64url')}.sig`;

/** Each client id belongs to the org after its dash; the secret must be `right`. */
function tokenFor(req: Seen) {
  const [id, secret] = Buffer.from(String(req.headers.authorization).slice(6), 'base64').toString().split(':');
  if (secret !== 'right') return { status: 401, json: { error: 'invalid_client' } };
  return { json: { access_token: jwt(`org-${id!.split('-')[1]}`, id!), expires_in: 600, scope: 'enrich:read' } };
}

/** Malicious for org a's clients, Clean for everyone else. */
function deliberate(req: Seen) {
  const claims = JSON.parse(
    Buffer.from(String(req.headers.authorization).split('.')[1]!, 'base64url').toString(),
  ) as Record<string, string>;
  const disposition = claims[`${CLAIMS}org/id`] === 'org-a' ? 2 : 1;
  return {
    json: {
      data: [
        {
          module: 'Talos',
          module_instance_id: 'mid',
          module_type_id: 'type',
          data: {
            verdicts: {
              count: 1,
              docs: [
                { type: 'verdict', disposition, observable: o, valid_time: { start_time: '2026-01-01T00:00:00Z' } },
              ],
            },
          },
        },
      ],
      errors: [],
    },
  };
}

const make = (url: string, cache: VerdictCache, clientId: string, clientSecret = 'right') =>
  createClient({ baseUrls: { visibility: url, privateIntel: url }, credentials: { clientId, clientSecret }, cache });

describe('verdict cache per identity', () => {
  it("does not serve one org's verdicts to another org's client, nor to another client", async () => {
    const s = await server(deliberate, tokenFor);
    const cache = memoryVerdictCache();
    assert.equal((await make(s.url, cache, 'c-a').enrich.deliberate([o])).verdicts[0]?.dispositionName, 'Malicious');
    assert.equal((await make(s.url, cache, 'c-b').enrich.deliberate([o])).verdicts[0]?.dispositionName, 'Clean');
    assert.equal(s.api().length, 2, 'org b asked the service');
    await make(s.url, cache, 'd-a').enrich.deliberate([o]);
    assert.equal(s.api().length, 3, 'another client of org a asked too');
    assert.equal((await make(s.url, cache, 'c-a').enrich.deliberate([o])).verdicts[0]?.dispositionName, 'Malicious');
    assert.equal(s.api().length, 3, 'the same identity is served from the cache');
  });

  it('serves nothing before a successful sign-in (a wrong secret gets AuthError, not the cached verdict)', async () => {
    const s = await server(deliberate, tokenFor);
    const cache = memoryVerdictCache();
    await make(s.url, cache, 'c-a').enrich.deliberate([o]);
    const wrong = make(s.url, cache, 'c-a', 'wrong');
    await assert.rejects(wrong.enrich.deliberate([o]), AuthError);
  });

  it('clears cached verdicts on signOut()', async () => {
    const s = await server(deliberate, tokenFor);
    const cache = memoryVerdictCache();
    const c = make(s.url, cache, 'c-a');
    await c.enrich.deliberate([o]);
    c.signOut();
    const other = make(s.url, cache, 'c-a');
    await other.enrich.deliberate([o]);
    assert.equal(s.api().length, 2, 'asked again after the sign-out');
  });

  it('keeps no cache for a bare token that names no identity', async () => {
    const s = await server(deliberate);
    const cache = memoryVerdictCache();
    const bare = () =>
      createClient({
        baseUrls: { visibility: s.url, privateIntel: s.url },
        tokenProvider: async () => jwt('', ''),
        cache,
      });
    // jwt('', '') names an empty org and client: no identity.
    await bare().enrich.deliberate([o]);
    await bare().enrich.deliberate([o]);
    assert.equal(s.api().length, 2);
  });
});
