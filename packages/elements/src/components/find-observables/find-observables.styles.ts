import { css } from 'lit';

export default css`
  :host {
    --list-max-height: 50vh;
    --row-height: 2.25rem;
  }
  .list {
    max-height: var(--list-max-height);
    overflow: auto;
  }
  /* Every row has the same height: the grid is windowed by row number times this. */
  [role='row'] {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto auto auto;
    align-items: center;
    gap: 0.4rem;
    block-size: var(--row-height);
    overflow: hidden;
    border-bottom: 1px solid var(--_border);
  }
  [aria-selected='true'] {
    background: var(--_bg-raised);
  }
  [role='gridcell'] {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    min-width: 0;
    overflow: hidden;
  }
  /* Inside the scroller an outside ring would be clipped. */
  .list :focus-visible {
    outline-offset: -2px;
  }
  [part~='group__label'] {
    grid-column: 1 / -1;
    font-size: 0.8em;
    font-weight: 600;
    text-transform: uppercase;
    color: var(--_fg-muted);
  }
  [part~='editor'] {
    grid-column: 2 / -1;
  }
  [part~='finding__value'] {
    font-family: var(--_font-mono);
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
  [part~='finding'] :is(button, select, input[type='text']) {
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
