import { css } from 'lit';

export default css`
  [part~='questions'] {
    display: flex;
    flex-direction: column;
    gap: 0.6rem;
  }
  [part~='question'] {
    display: flex;
    flex-direction: column;
    gap: 0.3rem;
    padding: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  [part~='question__text'] {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  [part~='sql'] {
    display: block;
    font-family: var(--_font-mono);
    font-size: 0.85em;
    background: var(--_bg-raised);
    padding: 0.3rem 0.45rem;
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
    white-space: pre-wrap;
  }
  h4 {
    margin: 0.3rem 0 0.15rem;
    font-size: 0.95em;
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    font-size: 0.85em;
  }
  th,
  td {
    border: 1px solid var(--_border);
    padding: 0.15rem 0.4rem;
    text-align: start;
    font-family: var(--_font-mono);
    overflow-wrap: anywhere;
  }
  th {
    background: var(--_bg-raised);
    font-family: var(--_font);
  }
`;
