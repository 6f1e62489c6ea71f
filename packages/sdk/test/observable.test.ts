import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DISPOSITIONS, dispositionName, isDisposition, isObservableType } from '@pivotkit/sdk';

describe('dispositions', () => {
  it('uses the exact CTIM names', () => {
    assert.deepEqual(Object.values(DISPOSITIONS), ['Clean', 'Malicious', 'Suspicious', 'Common', 'Unknown']);
  });
  it('names unknown numbers Unknown, as CTIM defaults', () => {
    assert.equal(dispositionName(2), 'Malicious');
    assert.equal(dispositionName(9), 'Unknown');
    assert.equal(dispositionName('2'), 'Unknown');
    assert.equal(isDisposition(0), false);
  });
  it('recognises the detected observable types', () => {
    assert.equal(isObservableType('sha256'), true);
    assert.equal(isObservableType('mac_address'), false);
  });
});
