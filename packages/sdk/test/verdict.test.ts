import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deriveVerdicts, type ModuleResult, type Verdict } from '@pivotkit/sdk';

const ip = { type: 'ip', value: '203.0.113.7' };
const verdict = (disposition: Verdict['disposition'], extra: Partial<Verdict> = {}): Verdict => ({
  type: 'verdict',
  disposition,
  observable: ip,
  valid_time: {},
  ...extra,
});
const mod = (name: string, verdicts: Verdict[], judgements: ModuleResult['judgements'] = []): ModuleResult => ({
  module: name,
  moduleInstanceId: `mid-${name}`,
  moduleTypeId: `type-${name}`,
  verdicts,
  judgements,
  sightings: [],
  raw: {},
});
const judgement = (id: string, disposition: 1 | 2 | 3, priority: number) => ({
  id,
  type: 'judgement' as const,
  observable: ip,
  disposition,
  disposition_name: (['', 'Clean', 'Malicious', 'Suspicious'] as const)[disposition] as 'Clean',
  priority,
  severity: 'High',
  confidence: 'High',
  source: 's',
  valid_time: {},
});

describe('derived verdicts', () => {
  it('agrees when modules agree, ignoring Unknown', () => {
    const [v] = deriveVerdicts([mod('a', [verdict(2)]), mod('b', [verdict(5)]), mod('c', [verdict(2)])]);
    assert.equal(v!.disposition, 2);
    assert.equal(v!.dispositionName, 'Malicious');
    assert.equal(v!.conflict, false);
    assert.deepEqual(
      v!.modules.map((m) => [m.module, m.dispositionName]),
      [
        ['a', 'Malicious'],
        ['b', 'Unknown'],
        ['c', 'Malicious'],
      ],
    );
  });

  it('flags a conflict and lets the higher judgement priority win', () => {
    const [v] = deriveVerdicts([
      mod('a', [verdict(1, { judgement_id: 'j1' })], [judgement('j1', 1, 50)]),
      mod('b', [verdict(2, { judgement_id: 'j2' })], [judgement('j2', 2, 90)]),
    ]);
    assert.equal(v!.disposition, 2);
    assert.equal(v!.conflict, true);
  });

  it('breaks ties across modules towards the most severe, and flags the conflict', () => {
    const [v] = deriveVerdicts([mod('a', [verdict(1)]), mod('b', [verdict(3)]), mod('c', [verdict(4)])]);
    assert.equal(v!.dispositionName, 'Suspicious');
    assert.equal(v!.conflict, true);
    const [w] = deriveVerdicts([mod('a', [verdict(4)]), mod('b', [verdict(1)])]);
    assert.equal(w!.dispositionName, 'Clean');
  });

  it('breaks ties within one module in CTIM order (Clean > Malicious > Suspicious > Common > Unknown)', () => {
    const [v] = deriveVerdicts([mod('a', [verdict(2), verdict(1)])]);
    assert.equal(v!.dispositionName, 'Clean');
    assert.equal(v!.conflict, false);
  });

  it('skips expired verdicts and falls back to judgements when a module sent no verdict', () => {
    const now = Date.parse('2026-11-25T00:00:00Z');
    const [v] = deriveVerdicts(
      [
        mod('a', [verdict(2, { valid_time: { end_time: '2026-01-01T00:00:00Z' } })]),
        mod('b', [], [judgement('j', 3, 10)]),
      ],
      now,
    );
    assert.equal(v!.dispositionName, 'Suspicious');
    assert.deepEqual(
      v!.modules.map((m) => m.module),
      ['b'],
    );
  });

  it('matches hashes and domains case-insensitively', () => {
    const a = mod('a', [verdict(2, { observable: { type: 'domain', value: 'Evil.Example' } })]);
    const b = mod('b', [verdict(2, { observable: { type: 'domain', value: 'evil.example' } })]);
    assert.equal(deriveVerdicts([a, b]).length, 1);
  });
});
