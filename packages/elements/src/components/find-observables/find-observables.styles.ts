import { css } from 'lit';

export default css`
  :host {
    --list-max-height: 50vh;
  }
  .list {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    max-height: var(--list-max-height);
    overflow: auto;
  }
  [part~='group__label'] {
    font-size: 0.8em;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_fg-muted);
    padding: 0.25rem 0;
  }
  [part~='finding'] {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    padding: 0.2rem 0;
    border-bottom: 1px solid var(--_border);
    min-width: 0;
  }
  [part~='finding__value'] {
    font-family: var(--_font-mono);
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  [part~='finding__count'] {
    color: var(--_fg-muted);
    font-variant-numeric: tabular-nums;
  }
  [part~='badge'] {
    font-size: 0.75em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 0 0.45em;
    background: var(--_bg-raised);
  }
  [part~='finding'] button {
    padding: 0.1rem 0.45rem;
  }
  [part~='editor'] input[type='text'] {
    font-family: var(--_font-mono);
  }
  [part~='filter'] {
    font-weight: normal;
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
  }
  [part~='selection'] label {
    font-weight: normal;
  }
`;
