import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { createClient } from '@pivotkit/sdk';
import { DEMO_CREDENTIALS, emulatorUrl } from '../../../../test/helpers/emulator.js';
import { session, type SessionState } from '../state/session.js';
import { writable } from '../state/store.js';
import { SessionController } from './session-controller.js';
import { StoreController } from './store-controller.js';

const counter = writable(0);

// A small element that uses both controllers the way a panel would.
class TestSessionUser extends LitElement {
  changes: SessionState[] = [];
  renders = 0;
  s = new SessionController(this, { onChange: (st) => this.changes.push(st) });
  n = new StoreController(this, counter);
  override render() {
    this.renders++;
    return litHtml`<span id="status">${this.s.state.status}</span><span id="can">${String(this.s.can('enrich'))}</span
      ><span id="n">${this.n.value}</span>`;
  }
}
customElements.define('test-session-user', TestSessionUser);

const text = (el: HTMLElement, id: string) => el.shadowRoot!.getElementById(id)!.textContent;

describe('SessionController and StoreController', () => {
  afterEach(() => {
    session.setClient(undefined);
    counter.set(0);
  });

  it('re-render the host when the session signs in, and give its state', async () => {
    const url = await emulatorUrl();
    const el = await fixture<TestSessionUser>(html`<test-session-user></test-session-user>`);
    expect(text(el, 'status')).to.equal('signed-out');
    const client = createClient({
      baseUrls: { visibility: url, privateIntel: url },
      credentials: DEMO_CREDENTIALS,
      cache: false,
    });
    session.setClient(client);
    expect(el.s.client).to.equal(client);
    expect(await el.s.signIn()).to.equal(true);
    await el.updateComplete;
    expect(text(el, 'status')).to.equal('signed-in');
    expect(text(el, 'can')).to.equal('true');
    expect(el.s.missingScopes('enrich')).to.deep.equal([]);
    expect(el.changes.map((c) => c.status)).to.deep.equal(['signed-out', 'signing-in', 'signed-in']);
  });

  it('re-render the host when the store changes', async () => {
    const el = await fixture<TestSessionUser>(html`<test-session-user></test-session-user>`);
    counter.set(7);
    await el.updateComplete;
    expect(text(el, 'n')).to.equal('7');
  });

  it('stop listening when the host is disconnected, and catch up when it is back', async () => {
    const el = await fixture<TestSessionUser>(html`<test-session-user></test-session-user>`);
    const parent = el.parentElement!;
    el.remove();
    const renders = el.renders;
    const changes = el.changes.length;
    counter.set(3);
    session.setClient(undefined, { region: 'eu' });
    await el.updateComplete;
    expect(el.renders).to.equal(renders);
    expect(el.changes.length).to.equal(changes);
    parent.append(el);
    await el.updateComplete;
    expect(text(el, 'n')).to.equal('3');
    counter.set(4);
    await el.updateComplete;
    expect(text(el, 'n')).to.equal('4');
  });
});
