import { expect } from '@open-wc/testing';
import { emulatorUrl } from '../helpers/emulator.js';

describe('the emulator process started for browser tests', () => {
  it('answers the test page over real HTTP', async () => {
    const res = await fetch(`${await emulatorUrl()}/`);
    expect(res.ok).to.equal(true);
  });
});
