import { css } from 'lit';

export default css`
  :host {
    display: contents;
  }
  form {
    display: grid;
    gap: 0.75rem;
  }
  [part~='field'] {
    display: grid;
    gap: 0.25rem;
  }
  label {
    font-weight: 600;
  }
  [part~='input'] {
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: 2.25rem;
    padding: 0.375rem 0.5rem;
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
  }
  [part~='input']:disabled {
    color: var(--_fg-muted);
    background: var(--_bg-raised);
  }
  [part~='input'][aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  [part~='input']:focus-visible,
  [part~='button']:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  [part~='help'] {
    margin: 0;
    color: var(--_fg-muted);
    font-size: 0.9em;
  }
  [part~='error'] {
    margin: 0;
    color: var(--_danger);
    font-weight: 600;
  }
  p[part='error'] {
    padding: 0.5rem 0.625rem;
    border: 1px solid currentColor;
    border-radius: calc(var(--_radius) - 2px);
  }
  [part='missing'] {
    padding: 0.5rem 0.625rem;
    border: 1px solid var(--_suspicious);
    border-radius: calc(var(--_radius) - 2px);
  }
  [part='missing'] p {
    margin: 0 0 0.25rem;
    font-weight: 600;
  }
  [part='missing'] ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  [part='footer'] {
    display: flex;
    justify-content: flex-end;
    gap: 0.5rem;
  }
  [part~='button'] {
    min-block-size: 2.25rem;
    padding: 0.375rem 0.875rem;
    font: inherit;
    color: var(--_fg);
    background: var(--_bg-raised);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    cursor: pointer;
  }
  [part~='submit'] {
    color: var(--_accent-fg);
    background: var(--_accent);
    border-color: var(--_accent);
    font-weight: 600;
  }
  [part~='submit'][aria-disabled='true'] {
    opacity: 0.75;
    cursor: progress;
  }
`;
