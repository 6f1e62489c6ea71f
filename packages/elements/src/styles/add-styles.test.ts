import { expect, fixture } from '@open-wc/testing';
import { LitElement, css, html } from 'lit';
import { addStyles } from './add-styles.js';

class AddStylesHost extends LitElement {
  static override styles = css`
    p {
      color: rgb(1, 2, 3);
      margin: 0;
    }
  `;
  override render() {
    return html`<p>text</p>`;
  }
}
customElements.define('pk-add-styles-host', AddStylesHost);

const later = css`
  p {
    color: rgb(4, 5, 6);
  }
`;

describe('addStyles()', () => {
  it('adds a controller’s styles after the element’s own, once', async () => {
    const el = await fixture<AddStylesHost>(html`<pk-add-styles-host></pk-add-styles-host>`);
    const root = el.shadowRoot!;
    const p = root.querySelector('p')!;
    expect(getComputedStyle(p).color).to.equal('rgb(1, 2, 3)');
    addStyles(el, [later]);
    addStyles(el, [later, later]);
    expect(getComputedStyle(p).color, 'the later sheet wins').to.equal('rgb(4, 5, 6)');
    expect(getComputedStyle(p).marginTop, 'the element’s own rules stay').to.equal('0px');
    expect(root.adoptedStyleSheets.length, 'its own sheet and the added one').to.equal(2);
    expect(root.adoptedStyleSheets[1]).to.equal(later.styleSheet);
  });

  it('keeps what another controller added', async () => {
    const el = await fixture<AddStylesHost>(html`<pk-add-styles-host></pk-add-styles-host>`);
    const other = css`
      p {
        padding: 3px;
      }
    `;
    addStyles(el, [other]);
    addStyles(el, [later]);
    const p = el.shadowRoot!.querySelector('p')!;
    expect(getComputedStyle(p).paddingTop).to.equal('3px');
    expect(getComputedStyle(p).color).to.equal('rgb(4, 5, 6)');
  });
});
