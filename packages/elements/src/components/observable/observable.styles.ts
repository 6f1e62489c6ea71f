import { css } from 'lit';

// Notes on the rules below (kept out of the CSS text itself, which ships as written):
// - Inline mode (`:host([inline])`) sits in the page's text flow: no line-height change, not part of a text
//   selection. It is drawn with few boxes of fixed size and no flex layout: a page may hold 10,000 of these, and
//   each box costs style, layout, paint-property and paint work while decorate() adds them (and in every later
//   layout of, say, the table they sit in). The container adds no box; icon and caret are one pseudo-element
//   with two mask layers (right to left, only their positions swap).
// - The menu caret (`[part='pivot']::after`) is a mask (see type-icons.ts), not a rotated border: a transform is
//   one more paint property node per observable.
// - Middle ellipsis: the head shrinks with an ellipsis, the tail always shows. Both are the real text, so a copy
//   of the selection and a screen reader get the whole value.
export default css`
  :host {
    --value-max-width: 26ch;
    --gap: 0.3em;
    display: inline-flex;
    vertical-align: baseline;
    max-width: 100%;
    font: var(--_font-size) / 1.4 var(--_font);
    color: var(--_fg);
  }
  :host([inline]) {
    font: inherit;
    color: inherit;
    line-height: 1;
    user-select: none;
    display: inline-block;
    margin-inline-start: 0.2em;
    white-space: nowrap;
    vertical-align: middle;
  }
  [part='base'] {
    display: inline-flex;
    align-items: center;
    gap: var(--gap);
    min-width: 0;
    max-width: 100%;
  }
  button {
    all: unset;
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    cursor: pointer;
    border-radius: var(--_radius);
    color: var(--_fg-muted);
  }
  button:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  button:hover {
    color: var(--_accent);
    background: var(--_bg-raised);
  }
  svg {
    width: 1em;
    height: 1em;
    flex: none;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.4;
  }
  [part='pivot'] {
    gap: 0.05em;
    padding: 0.1em 0.15em;
    border: 1px solid var(--_border);
    background: var(--_bg);
    min-height: 1.3em;
  }
  [part='pivot'][aria-expanded='true'] {
    color: var(--_accent-fg);
    background: var(--_accent);
    border-color: var(--_accent);
  }
  [part='pivot']::after {
    content: '';
    width: 0.45em;
    height: 0.45em;
    margin: 0 0.15em 0 0.2em;
    background: currentColor;
    mask: var(--_caret) center / contain no-repeat;
  }
  .icon {
    display: inline-block;
    flex: none;
    width: 1em;
    height: 1em;
    background: currentColor;
    mask: var(--_icon) center / contain no-repeat;
  }
  [part='drag-handle'] {
    cursor: grab;
    padding: 0.1em 0;
  }
  [part='drag-handle'] svg {
    stroke: none;
  }
  [part='type-icon'] {
    color: var(--_fg-muted);
  }
  [part='value'] {
    display: inline-flex;
    min-width: 0;
    max-width: var(--value-max-width);
    font-family: var(--_font-mono);
    font-size: 0.95em;
    white-space: nowrap;
  }
  [part='value__head'] {
    overflow: hidden;
    text-overflow: ellipsis;
    min-width: 2ch;
  }
  [part='value__tail'] {
    flex: none;
  }
  :host([inline]) [part='base'] {
    display: contents;
  }
  :host([inline]) [part='pivot'] {
    display: inline-block;
    vertical-align: top;
    width: 1.95em;
    height: 1.3em;
    min-height: 0;
    padding: 0.2em 0.15em;
  }
  :host([inline]) [part='pivot']::before {
    content: '';
    display: block;
    width: 100%;
    height: 100%;
    background: currentColor;
    mask:
      var(--_icon) left center / 0.85em 0.85em no-repeat,
      var(--_caret) right center / 0.45em 0.45em no-repeat;
  }
  :host([inline]:dir(rtl)) [part='pivot']::before {
    mask-position:
      right center,
      left center;
  }
  :host([inline]) [part='pivot']::after {
    content: none;
  }
  :host([inline]) pk-verdict-badge {
    font-size: 0.7em;
    margin-inline-start: 0.3em;
    vertical-align: top;
    margin-top: 0.25em;
  }
`;
