import { LitElement, html, svg, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { isDisposition, type Disposition } from '@pivotkit/sdk';
import { tokens } from '../../styles/tokens.js';
import styles from './verdict-badge.styles.js';
import { LocalizeController } from '../../controllers/localize-controller.js';

// Each disposition has its own shape too, so the badge never relies on colour alone.
const ICONS: Record<Disposition, ReturnType<typeof svg>> = {
  1: svg`<path d="M3.5 8.5l3 3 6-7" stroke="currentColor" stroke-width="2" fill="none"/>`,
  2: svg`<path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" stroke-width="2.2"/>`,
  3: svg`<path d="M8 1.5l7 13H1z"/>`,
  4: svg`<circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" stroke-width="2"/>`,
  5: svg`<path d="M5.5 6a2.5 2.5 0 1 1 3.3 2.4c-.5.2-.8.6-.8 1.1V10.5M8 12.5v.5" stroke="currentColor" stroke-width="2" fill="none"/>`,
};

/**
 * @tag pk-verdict-badge
 * @summary A verdict: a CTIM disposition shown as a coloured pill with its name and a shape.
 * @status experimental
 * @since 0.1
 *
 * @csspart base - The pill.
 * @csspart icon - The disposition's shape.
 * @csspart name - The disposition's name (or the label).
 * @cssproperty [--pk-color-clean=#1b7f3b] - Colour of Clean (a global token; themes set it).
 * @cssproperty [--pk-color-malicious=#b3261e] - Colour of Malicious (a global token).
 * @cssproperty [--pk-color-suspicious=#a15c00] - Colour of Suspicious (a global token).
 * @cssproperty [--pk-color-common=#3d5a80] - Colour of Common (a global token).
 * @cssproperty [--pk-color-unknown=#5a6372] - Colour of Unknown, and of a badge with no verdict (a global token).
 */
export class PkVerdictBadge extends LitElement {
  static override styles = [tokens, styles];

  /** The CTIM disposition number: 1 Clean, 2 Malicious, 3 Suspicious, 4 Common, 5 Unknown. */
  @property({ type: Number, reflect: true }) disposition: Disposition = 5;

  readonly #l = new LocalizeController(this);

  /** Text shown instead of the disposition's name (for example a module's own wording). */
  @property() label = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    // An attribute such as disposition="7" is not a CTIM disposition: show Unknown rather than guessing.
    if (changed.has('disposition') && !isDisposition(this.disposition)) this.disposition = 5;
  }

  protected override render() {
    const t = this.#l.t;
    const name = t.dispositionName(this.disposition);
    return html`<span part="base" role="img" aria-label=${t.verdictLabel(this.label || name)}
      ><svg part="icon" viewBox="0 0 16 16" aria-hidden="true">${ICONS[this.disposition]}</svg
      ><span part="name" aria-hidden="true">${this.label || name}</span></span
    >`;
  }
}
