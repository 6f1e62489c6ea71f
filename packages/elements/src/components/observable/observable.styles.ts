import { css } from 'lit';

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
    /* Sits in the page's text flow: no line-height change, not part of a text selection. */
    line-height: 1;
    user-select: none;
    vertical-align: -0.1em;
  }
  [part='base'] {
    display: inline-flex;
    align-items: center;
    gap: var(--gap);
    min-width: 0;
    max-width: 100%;
  }
  :host([inline]) [part='base'] {
    gap: 0.2em;
    margin-inline-start: 0.2em;
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
  /* The menu caret is drawn by CSS: one element less per observable on pages with thousands of them. */
  [part='pivot']::after {
    content: '';
    width: 0.32em;
    height: 0.32em;
    margin: 0 0.2em 0.15em 0.25em;
    border-right: 1.5px solid currentColor;
    border-bottom: 1.5px solid currentColor;
    transform: rotate(45deg);
  }
  .icon {
    display: inline-block;
    flex: none;
    width: 1em;
    height: 1em;
    background: currentColor;
    mask: var(--icon) center / contain no-repeat;
  }
  :host([inline]) [part='pivot'] .icon {
    width: 0.85em;
    height: 0.85em;
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
  /* Middle ellipsis: the head shrinks with an ellipsis, the tail always shows. Both are the real text, so a
     copy of the selection and a screen reader get the whole value. */
  [part='value__head'] {
    overflow: hidden;
    text-overflow: ellipsis;
    min-width: 2ch;
  }
  [part='value__tail'] {
    flex: none;
  }
  :host([inline]) pk-verdict-badge {
    font-size: 0.7em;
  }
`;
