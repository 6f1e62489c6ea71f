import { expect } from '@open-wc/testing';
import { announce, lastAnnouncement } from './announce.js';

describe('announce', () => {
  it('puts the message in one shared polite live region, as text', () => {
    announce('Added to case <b>X</b>');
    announce('Blocked evil.com');
    const regions = document.querySelectorAll('[data-pk-announcer="polite"]');
    expect(regions).to.have.length(1);
    const region = regions[0]!;
    expect(region.getAttribute('aria-live')).to.equal('polite');
    expect(region.getAttribute('role')).to.equal('status');
    expect(region.textContent).to.equal('Blocked evil.com');
    expect(region.querySelector('b')).to.equal(null);
    expect(lastAnnouncement()).to.equal('Blocked evil.com');
  });

  it('inserts a new node each time, so the same message is announced again', () => {
    announce('Copied');
    const region = document.querySelector('[data-pk-announcer="polite"]')!;
    const first = region.firstChild;
    announce('Copied');
    expect(region.firstChild).not.to.equal(first);
    expect(region.textContent).to.equal('Copied');
  });

  it('has a separate assertive region', () => {
    announce('Sign-in failed', { assertive: true });
    const region = document.querySelector('[data-pk-announcer="assertive"]')!;
    expect(region.getAttribute('aria-live')).to.equal('assertive');
    expect(region.textContent).to.equal('Sign-in failed');
    expect(lastAnnouncement({ assertive: true })).to.equal('Sign-in failed');
  });
});
