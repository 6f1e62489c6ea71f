import { css } from 'lit';

export default css`
  :host {
    display: block;
    padding: 0.75rem 1rem 1rem;
    color: var(--_fg);
    font: var(--_font-size) / 1.45 var(--_font);
  }
  fieldset {
    margin: 0 0 0.875rem;
    padding: 0;
    border: 0;
  }
  legend {
    margin-block-end: 0.375rem;
    padding: 0;
    font-weight: 600;
  }
  .check {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    min-block-size: 1.75rem;
  }
  .option + .option {
    margin-block-start: 0.25rem;
  }
  [part~='help'] {
    margin: 0 0 0.25rem;
    color: var(--_fg-muted);
    font-size: 0.9em;
  }
  [part~='risk'] {
    margin-inline-start: 1.5rem;
  }
  .error {
    color: var(--_danger);
  }
  select[part~='input'],
  input.key {
    box-sizing: border-box;
    min-block-size: 2rem;
    padding: 0.25rem 0.5rem;
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
  }
  input.key {
    inline-size: 11rem;
    font-family: var(--_font-mono);
  }
  input.key[aria-invalid='true'] {
    border: 2px solid var(--_danger);
  }
  input[type='checkbox'],
  input[type='radio'] {
    accent-color: var(--_accent);
    inline-size: 1rem;
    block-size: 1rem;
    margin: 0;
  }
  table {
    border-collapse: collapse;
  }
  th {
    padding: 0.25rem 1rem 0.25rem 0;
    font-weight: normal;
    text-align: start;
  }
  td {
    padding: 0.25rem 0;
  }
  [part~='button'] {
    min-block-size: 2rem;
    padding: 0.25rem 0.75rem;
    font: inherit;
    color: var(--_fg);
    background: var(--_bg-raised);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    cursor: pointer;
  }
  :is([part~='input'], [part~='button']):focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
