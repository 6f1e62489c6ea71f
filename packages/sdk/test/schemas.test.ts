import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isPivotkitError, schemas, ScopeError } from '@pivotkit/sdk';

// The contract's own examples (api-contract.md), parsed as the SDK parses replies.
describe('wire schemas accept the contract examples', () => {
  it('token response', () => {
    const t = schemas.tokenResponse.parse({
      access_token: 'eyJhbGciO...',
      token_type: 'bearer',
      expires_in: 600,
      scope: 'enrich:read casebook inspect:read',
    });
    assert.equal(t.expires_in, 600);
    assert.equal(schemas.tokenError.safeParse({ error: 'invalid_client', error_description: 'x' }).success, true);
  });

  it('inspect request and reply', () => {
    assert.equal(schemas.inspectRequest.safeParse({ content: 'cisco.com' }).success, true);
    assert.equal(schemas.inspectRequest.safeParse({ content: 'x', extra: 1 }).success, false, 'no extra keys');
    assert.deepEqual(schemas.inspectResponse.parse([{ value: 'cisco.com', type: 'domain' }]), [
      { value: 'cisco.com', type: 'domain' },
    ]);
  });

  it('enrich envelope with a verdict, a judgement and a sighting, and a module error beside them', () => {
    const observable = { type: 'domain', value: 'cisco.com' };
    const env = schemas.enrichEnvelope.parse({
      data: [
        {
          module: 'Talos Intelligence',
          module_instance_id: 'mid',
          module_type_id: 'tid',
          data: {
            verdicts: {
              count: 1,
              docs: [
                {
                  type: 'verdict',
                  disposition: 1,
                  disposition_name: 'Clean',
                  observable,
                  valid_time: { start_time: '2026-11-01T00:00:00.000Z', end_time: '2026-12-01T00:00:00.000Z' },
                  judgement_id: 'transient:1',
                },
              ],
            },
            judgements: {
              count: 1,
              docs: [
                {
                  id: 'transient:1',
                  type: 'judgement',
                  observable,
                  disposition: 1,
                  disposition_name: 'Clean',
                  priority: 90,
                  severity: 'Medium',
                  confidence: 'High',
                  source: 'Talos Intelligence',
                  schema_version: '1.3.29',
                  valid_time: {},
                  tlp: 'white',
                },
              ],
            },
            sightings: {
              count: 1,
              docs: [
                {
                  id: 'transient:s1',
                  type: 'sighting',
                  count: 1,
                  confidence: 'High',
                  observed_time: { start_time: '2026-11-01T00:00:00.000Z' },
                  schema_version: '1.3.29',
                  targets: [{ type: 'endpoint', observables: [], observed_time: { start_time: 'x' } }],
                },
              ],
            },
            indicators: { count: 0, docs: [] },
          },
        },
        { module: 'Empty', module_instance_id: 'm2', module_type_id: 't2', data: { verdicts: { count: 0, docs: [] } } },
      ],
      errors: [{ module_instance_id: 'm3', module_type_id: 't3', code: 'timeout', message: 'slow', type: 'fatal' }],
    });
    assert.equal(env.data?.length, 2);
    assert.equal(
      (env.data![0]!.data.sightings!.docs[0]! as { targets?: unknown[] }).targets?.length,
      1,
      'unknown fields are kept',
    );
  });

  it('refer, actions and trigger replies', () => {
    assert.equal(
      schemas.referEnvelope.safeParse({
        data: [
          {
            module: 'Talos Intelligence',
            module_instance_id: 'm',
            module_type_id: 't',
            id: 'ref-talos-search-domain-cisco.com',
            title: 'Search for this domain',
            description: 'Lookup this domain on Talos Intelligence',
            url: 'https://www.talosintelligence.com/reputation_center/lookup?search=cisco.com',
            categories: ['Talos Intelligence', 'Search'],
          },
        ],
      }).success,
      true,
    );
    assert.equal(
      schemas.actionsEnvelope.safeParse({
        data: [
          {
            module: 'Umbrella',
            module_instance_id: 'm',
            module_type_id: 't',
            id: 'block',
            title: 'Block this domain',
            description: '',
            url: '/respond/trigger/m/block?observable_type=domain&observable_value=cisco.com',
          },
        ],
        errors: [],
      }).success,
      true,
    );
    assert.equal(schemas.triggerEnvelope.safeParse({ data: { status: 'success' }, errors: [] }).success, true);
    assert.equal(schemas.triggerEnvelope.safeParse({ data: { status: 'done' } }).success, false);
  });

  it('error bodies', () => {
    assert.equal(
      schemas.normalizedError.safeParse({
        error: 'invalid_request',
        error_description: 'No JWT found in HTTP Authorization header',
      }).success,
      true,
    );
    assert.equal(
      schemas.missingScopeError.safeParse({
        error: 'missing_scope',
        error_description: 'x',
        'missing-scopes': ['inspect:read'],
        'required-scopes': ['inspect:read'],
        scopes: [],
        'user-id': 'u',
        'org-id': 'o',
        trace_id: 't',
      }).success,
      true,
    );
  });

  it('casebook, patch bodies and incident', () => {
    assert.equal(
      schemas.casebook.safeParse({
        id: 'https://private.intel.amp.cisco.com:443/ctia/casebook/casebook-1',
        type: 'casebook',
        schema_version: '1.1.3',
        title: 'T',
        observables: [{ type: 'ip', value: '1.2.3.4' }],
        texts: [{ type: 'note', text: 'n' }],
        tlp: 'amber',
        owner: 'u',
        groups: ['g'],
      }).success,
      true,
    );
    assert.equal(
      schemas.casebook.safeParse({ id: 'x', type: 'casebook', schema_version: '1', tlp: 'pink' }).success,
      false,
    );
    assert.equal(schemas.observablesPatch.safeParse({ operation: 'add', observables: [] }).success, true);
    assert.equal(schemas.observablesPatch.safeParse({ operation: 'merge', observables: [] }).success, false);
    assert.equal(
      schemas.textsPatch.safeParse({ operation: 'remove', texts: [{ type: 'note', text: 'x' }] }).success,
      true,
    );
    assert.equal(schemas.newCasebook.safeParse({}).success, true, 'everything optional on create');
    assert.equal(schemas.casebookPatch.safeParse({ title: 'x'.repeat(1025) }).success, false, 'title ≤ 1024');
    assert.equal(
      schemas.incident.safeParse({
        id: 'incident-1',
        type: 'incident',
        schema_version: '1.3.29',
        confidence: 'High',
        status: 'Open: Investigating',
        incident_time: { opened: '2026-11-24T00:00:00Z' },
      }).success,
      true,
    );
    assert.equal(schemas.incidentStatusUpdate.safeParse({ status: 'Closed: Near-Miss' }).success, true);
    assert.equal(schemas.incidentStatusUpdate.safeParse({ status: 'closed' }).success, false);
    assert.equal(schemas.count.safeParse(3).success, true);
  });
});

describe('isPivotkitError', () => {
  it('matches by class, by kind with subclasses, and by name across copies of the SDK', () => {
    const scope = new ScopeError(['inspect:read'], [], { method: 'GET', path: '/x', host: 'h' });
    assert.ok(isPivotkitError(scope));
    assert.ok(isPivotkitError(scope, 'HttpStatusError'));
    assert.ok(isPivotkitError(scope, 'ScopeError'));
    assert.ok(!isPivotkitError(scope, 'NotFoundError'));
    const copy = Object.assign(new Error('x'), { name: 'RateLimitedError', toJSON: () => ({}) });
    assert.ok(isPivotkitError(copy, 'RateLimitedError'));
    assert.ok(!isPivotkitError(new DOMException('aborted', 'AbortError')), 'the DOM AbortError is not ours');
    assert.ok(!isPivotkitError(new TypeError('x')));
    assert.deepEqual(Object.keys(JSON.parse(JSON.stringify(scope))).sort(), [
      'code',
      'message',
      'missingScopes',
      'name',
      'request',
      'requiredScopes',
      'status',
    ]);
  });
});
