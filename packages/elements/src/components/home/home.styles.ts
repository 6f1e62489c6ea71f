import { css } from 'lit';

export default css`
  :host {
    display: block;
    padding: 0.75rem 1rem 1rem;
    color: var(--_fg);
    font: var(--_font-size) / 1.45 var(--_font);
  }
  h3 {
    margin: 0 0 0.5rem;
    font-size: 1em;
  }
  section + section {
    margin-block-start: 1rem;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 1rem;
    margin: 0 0 0.75rem;
  }
  dt {
    color: var(--_fg-muted);
  }
  dd {
    margin: 0;
  }
  code {
    font-family: var(--_font-mono);
    font-size: 0.95em;
  }
  ul {
    display: grid;
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: baseline;
  }
  .note {
    margin: 0;
    color: var(--_fg-muted);
  }
  .app-name {
    min-inline-size: 10rem;
    font-weight: 600;
  }
  .ok {
    color: var(--_clean);
  }
  .bad {
    color: var(--_danger);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
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
  [part~='button']:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
`;
