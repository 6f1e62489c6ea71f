import { css } from 'lit';

export default css`
  :host {
    --list-max-height: 50vh;
  }
  [part~='details'] {
    display: flex;
    flex-direction: column;
    gap: 0.6rem;
  }
  [part~='list'] {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    max-height: var(--list-max-height);
    overflow: auto;
  }
  [part~='incident'] {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.1rem;
    width: 100%;
    text-align: start;
    background: var(--_bg);
  }
  [part~='incident']:hover {
    background: var(--_bg-raised);
  }
  [part~='incident__title'] {
    font-weight: 600;
  }
  [part~='incident__meta'] {
    color: var(--_fg-muted);
    font-size: 0.9em;
  }
  [part~='description'] {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  [part~='fields'] {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.2rem 0.75rem;
    margin: 0;
  }
  dt {
    color: var(--_fg-muted);
  }
  dd {
    margin: 0;
  }
  h4 {
    margin: 0.4rem 0 0.2rem;
    font-size: 0.85em;
    color: var(--_fg-muted);
  }
  [part~='related'] li {
    padding: 0.1rem 0;
  }
  label {
    font-weight: normal;
  }
`;
