import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseRetryAfter, retryDelay } from '@pivotkit/sdk';

const res = (status: number, retryAfter?: string) => ({
  status,
  headers: new Headers(retryAfter === undefined ? {} : { 'retry-after': retryAfter }),
});
const fixed = { random: () => 0.5, now: () => Date.parse('2026-11-25T00:00:00Z') };

describe('retryDelay', () => {
  it('retries idempotent methods on 408, 429 and 5xx', () => {
    for (const status of [408, 429, 500, 502, 503, 504]) assert.notEqual(retryDelay(1, res(status), 'GET'), null);
    for (const status of [400, 401, 403, 404, 409, 413, 501]) assert.equal(retryDelay(1, res(status), 'GET'), null);
  });

  it('never retries POST or PATCH unless the caller vouches the call is idempotent', () => {
    assert.equal(retryDelay(1, res(503), 'POST'), null);
    assert.equal(retryDelay(1, res(429, '1'), 'PATCH'), null);
    assert.equal(retryDelay(1, res(503), 'POST', true, fixed), 225);
    assert.equal(retryDelay(1, res(503), 'GET', false), null);
  });

  it('reads Retry-After as seconds or as an HTTP date, and ignores garbage', () => {
    assert.equal(retryDelay(1, res(429, '2'), 'GET'), 2000);
    assert.equal(retryDelay(1, res(503, 'Wed, 25 Nov 2026 00:00:03 GMT'), 'GET', undefined, fixed), 3000);
    assert.equal(retryDelay(1, res(503, 'Tue, 24 Nov 2026 23:00:00 GMT'), 'GET', undefined, fixed), 0);
    assert.equal(retryDelay(1, res(503, 'soon'), 'GET', undefined, fixed), 225, 'falls back to backoff');
    assert.equal(parseRetryAfter('1.5'), undefined);
    assert.equal(parseRetryAfter(null), undefined);
  });

  it('gives up when Retry-After is longer than the cap', () => {
    assert.equal(retryDelay(1, res(429, '21'), 'GET'), null);
    assert.equal(retryDelay(1, res(429, '21'), 'GET', undefined, { maxRetryAfterMs: 60_000 }), 21_000);
  });

  it('backs off exponentially with jitter between half and all of the step, capped', () => {
    const at = (attempt: number, r: number) =>
      retryDelay(attempt, res(500), 'GET', undefined, { baseMs: 300, maxBackoffMs: 5000, random: () => r });
    assert.deepEqual([at(1, 0), at(1, 0.999)], [150, 300]);
    assert.deepEqual([at(2, 0), at(3, 0)], [300, 600]);
    assert.equal(at(10, 0.999), 4998, 'never above the cap');
    assert.equal(at(10, 0), 2500);
  });
});
