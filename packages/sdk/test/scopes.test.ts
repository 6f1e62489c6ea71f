import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { missingScopesFor, parseScopes, scopeCovers } from '@pivotkit/sdk';

describe('scopes', () => {
  it('lets a root scope cover its sub-paths', () => {
    assert.ok(scopeCovers('enrich:read', 'enrich/observables/deliberate:read'));
    assert.ok(scopeCovers('response', 'response/trigger:write'));
    assert.ok(scopeCovers('private-intel', 'private-intel/incident'));
    assert.ok(!scopeCovers('enrich/observables/refer:read', 'enrich/observables/deliberate:read'));
    assert.ok(!scopeCovers('enrichment', 'enrich/observables/deliberate:read'), 'whole segments only');
  });

  it('honours :read, :write and :rw suffixes', () => {
    assert.ok(!scopeCovers('response:read', 'response/trigger:write'));
    assert.ok(scopeCovers('response:write', 'response/trigger:write'));
    assert.ok(scopeCovers('casebook:rw', 'casebook'));
    assert.ok(!scopeCovers('casebook:read', 'casebook'), 'read does not cover read-and-write');
    assert.ok(scopeCovers('casebook', 'casebook:read'));
  });

  it('names what each feature lacks', () => {
    const granted = parseScopes('casebook enrich:read inspect:read private-intel response');
    for (const f of [
      'inspect',
      'enrich',
      'refer',
      'response',
      'casebook',
      'incidents',
      'pivot',
      'link-casebook',
    ] as const)
      assert.deepEqual(missingScopesFor(granted, f), [], f);
    assert.deepEqual(missingScopesFor([], 'casebook'), ['casebook']);
    assert.deepEqual(missingScopesFor(['enrich:read'], 'pivot'), [
      'response/observables:read',
      'response/trigger:write',
    ]);
    assert.deepEqual(missingScopesFor([], 'incidents'), ['private-intel/incident']);
  });

  it('grants casebook from casebook or private-intel, and needs no inspect:read for it', () => {
    // The documented example token (api-contract §1).
    const example = parseScopes('enrich:read casebook inspect:read');
    assert.deepEqual(missingScopesFor(example, 'casebook'), []);
    assert.deepEqual(missingScopesFor(['private-intel'], 'casebook'), []);
    assert.deepEqual(missingScopesFor(['private-intel/casebook'], 'casebook'), []);
    assert.deepEqual(missingScopesFor(['casebook'], 'casebook'), []);
    assert.deepEqual(missingScopesFor(['casebook:read'], 'casebook'), ['casebook'], 'read only cannot edit a case');
    // Without inspect:read only the inspect fallback is lost.
    assert.deepEqual(missingScopesFor(['casebook'], 'inspect'), ['inspect:read']);
  });

  it('names what linking a casebook to an incident needs: incident read, relationship, casebook read', () => {
    assert.deepEqual(missingScopesFor(['private-intel'], 'link-casebook'), []);
    assert.deepEqual(missingScopesFor(['casebook'], 'link-casebook'), [
      'private-intel/incident:read',
      'private-intel/relationship',
    ]);
    assert.deepEqual(missingScopesFor(['private-intel/incident', 'private-intel/relationship'], 'link-casebook'), [
      'casebook:read',
    ]);
    assert.deepEqual(
      missingScopesFor(['private-intel/incident:read', 'private-intel/relationship', 'casebook'], 'link-casebook'),
      [],
    );
  });
});
