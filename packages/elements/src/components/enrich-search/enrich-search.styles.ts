import { css } from 'lit';

export default css`
  :host {
    --input-rows: 5;
  }
  textarea {
    min-height: calc(var(--input-rows) * 1.4em + 0.7rem);
  }
  [part~='summary'] {
    font-weight: 600;
  }
  [part~='results'] {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    max-height: var(--results-max-height, 40vh);
    overflow: auto;
  }
  [part~='result'] {
    padding: 0.15rem 0;
    border-bottom: 1px solid var(--_border);
  }
  [part~='module'] {
    font-size: 0.9em;
  }
  [part~='module--error'] {
    color: var(--_danger);
  }
`;
