import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { tokens } from '../../../styles/tokens.js';
import { LocalizeController } from '../../../controllers/localize-controller.js';
import { renderMarkdown } from './render.js';
import { markdownStyles } from './markdown.styles.js';

/**
 * @tag pk-markdown
 * @summary Markdown text (a case's description, a note) rendered safely: never HTML from text, links only http(s).
 * @status experimental
 * @since 0.1
 *
 * @csspart base - The rendered text's container.
 * @cssproperty [--pk-color-accent=#0b62d6] - Link colour (the global tokens set the rest).
 */
export class PkMarkdown extends LitElement {
  static override styles = [
    tokens,
    markdownStyles,
    css`
      :host {
        display: block;
        font-family: var(--_font);
        color: var(--_fg);
      }
    `,
  ];

  /** The Markdown source. */
  @property() source = '';

  /** The level the text's outermost headings get (its own levels follow without skipping). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  readonly #l = new LocalizeController(this);

  protected override render() {
    return html`<div part="base">
      ${renderMarkdown(this.source, { headingLevel: this.headingLevel, opensInNewTab: this.#l.t.opensInNewTab })}
    </div>`;
  }
}
