import { expect } from '@open-wc/testing';
import { defang as sdkDefang } from '@pivotkit/sdk/detect';
import type { ResponseAction } from '@pivotkit/sdk';
import { defang, isDestructive, safeHttpUrl, truncateMiddle } from './format.js';

describe('pivot menu helpers', () => {
  it('defangs exactly as the SDK detector does', () => {
    const samples = [
      { type: 'ip', value: '198.51.100.7' },
      { type: 'ipv6', value: '2001:db8::bad' },
      { type: 'domain', value: 'evil.example.net' },
      { type: 'url', value: 'http://evil.example.net/payload.exe?a=b.c' },
      { type: 'url', value: 'HTTPS://user@login.example.com/x' },
      { type: 'url', value: 'ftp://files.example.org/a.zip' },
      { type: 'email', value: 'attacker@evil.example.net' },
      { type: 'sha256', value: '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f' },
    ];
    for (const o of samples) expect(defang(o), o.value).to.equal(sdkDefang(o));
  });

  it('accepts only absolute http(s) URLs as links', () => {
    expect(safeHttpUrl('https://example.com/a?b')).to.equal('https://example.com/a?b');
    expect(safeHttpUrl('http://example.com')).to.equal('http://example.com/');
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,<b>',
      '/relative',
      'vbscript:x',
      '',
    ]) {
      expect(safeHttpUrl(bad), bad).to.equal(undefined);
    }
  });

  it('truncates long values in the middle, keeping both ends', () => {
    const hash = '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f';
    const short = truncateMiddle(hash, 21);
    expect(short).to.have.length(21);
    expect(short).to.equal('275a021bbf…abf651fd0f');
    expect(truncateMiddle('8.8.8.8', 21)).to.equal('8.8.8.8');
  });

  it('treats blocking and isolating as destructive, lookups not', () => {
    const action = (title: string, categories: string[] = []): ResponseAction => ({
      module: 'm',
      moduleInstanceId: 'i',
      moduleTypeId: 't',
      id: title,
      title,
      description: '',
      url: '/x',
      categories,
    });
    expect(isDestructive(action('Block this domain'))).to.equal(true);
    expect(isDestructive(action('Isolate this host'))).to.equal(true);
    expect(isDestructive(action('Quarantine this file'))).to.equal(true);
    expect(isDestructive(action('Add to watch list', ['Watch']))).to.equal(false);
  });
});
