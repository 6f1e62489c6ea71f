import { css } from 'lit';

export default css`
  :host {
    display: block;
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_fg);
    --graph-max-height: 36rem;
    --_tint: color-mix(in srgb, var(--_fg) 6%, var(--_bg));
  }
  [part='base'] > :first-child :is(h1, h2, h3, h4, h5, h6) {
    margin-top: 0;
  }
  :is(h1, h2, h3, h4, h5, h6) {
    font-size: 1em;
    margin: 1em 0 0.4em;
  }
  [part='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
  }
  button {
    font: inherit;
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_accent-fg);
    border-radius: var(--_radius);
    padding: 0.35em 0.9em;
    cursor: pointer;
  }
  button.danger {
    background: var(--_bg);
    color: var(--_danger);
    border-color: var(--_danger);
  }
  button[part='cancel'] {
    background: var(--_bg);
    color: var(--_fg);
    border-color: var(--_border);
  }
  button:focus-visible,
  a:focus-visible,
  summary:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  a {
    color: var(--_accent);
  }
  [part='red-notice'] {
    border-inline-start: 3px solid var(--_danger);
    padding: 0.3em 0.6em;
    margin: 0 0 0.6em;
    background: var(--_tint);
  }
  [part='status'] {
    display: flex;
    gap: 0.6rem;
    align-items: center;
    margin: 0.6em 0;
    color: var(--_fg-muted);
  }
  progress {
    inline-size: min(16rem, 50%);
    accent-color: var(--_accent);
  }
  .counts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part='count'] {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    padding: 0.2em 0.7em;
    border-radius: 999px;
    border: 1px solid currentColor;
    font-weight: 600;
  }
  [part='count'] svg {
    width: 1em;
    height: 1em;
  }
  .malicious {
    color: var(--_malicious);
  }
  .suspicious {
    color: var(--_suspicious);
  }
  .clean {
    color: var(--_clean);
  }
  .common {
    color: var(--_common);
  }
  .unknown,
  .neutral,
  .sighting {
    color: var(--_fg-muted);
  }
  .disagree {
    color: var(--_suspicious);
    font-weight: 600;
    margin: 0.6em 0 0.2em;
  }
  [part='disputed'] {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  .value {
    font-family: var(--_font-mono);
    overflow-wrap: anywhere;
  }
  .graph-wrap {
    max-height: var(--graph-max-height);
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    padding: 0.5rem;
  }
  .help {
    margin: 0 0 0.4rem;
    color: var(--_fg-muted);
    font-size: 0.9em;
  }
  svg[part='graph'] {
    display: block;
    inline-size: 100%;
    min-inline-size: 34rem;
    font-family: var(--_font);
    font-size: 12px;
  }
  .column-title {
    fill: var(--_fg-muted);
    font-weight: 600;
    font-size: 11px;
    text-transform: uppercase;
    letter-spacing: 0.05em;
  }
  .edge {
    fill: none;
    stroke: currentColor;
    stroke-opacity: 0.55;
    transition: stroke-opacity 0.15s;
  }
  .edge.dim {
    stroke-opacity: 0.08;
  }
  .node {
    cursor: pointer;
    outline: none;
    transition: opacity 0.15s;
  }
  .node.dim {
    opacity: 0.3;
  }
  .node .frame {
    fill: var(--_bg-raised);
    stroke: currentColor;
    stroke-width: 1.2;
  }
  .node.module .frame {
    fill: var(--_tint);
    stroke: var(--_border);
  }
  .node.pinned .frame {
    stroke-width: 2.5;
  }
  .node:focus-visible .frame {
    stroke: var(--_focus);
    stroke-width: 3;
  }
  .node text {
    fill: var(--_fg);
    dominant-baseline: middle;
  }
  .node.outcome text {
    font-weight: 600;
  }
  .shape {
    color: inherit;
  }
  .shape-dot {
    fill: currentColor;
  }
  .details {
    min-height: 1.5em;
    margin: 0.4em 0 0;
    color: var(--_fg-muted);
  }
  details.table {
    margin-top: 0.6em;
  }
  summary {
    cursor: pointer;
    color: var(--_accent);
  }
  table {
    border-collapse: collapse;
    width: 100%;
    margin-top: 0.4em;
  }
  caption {
    text-align: start;
    color: var(--_fg-muted);
    padding-bottom: 0.3em;
  }
  th,
  td {
    border: 1px solid var(--_border);
    padding: 0.25em 0.5em;
    text-align: start;
    vertical-align: top;
  }
  thead th {
    background: var(--_bg-raised);
  }
  tbody th {
    font-weight: normal;
  }
  .module {
    margin: 0.4em 0;
  }
  .module-name {
    font-weight: 600;
    margin: 0.2em 0;
  }
  .module ul {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  .muted {
    color: var(--_fg-muted);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    .edge,
    .node {
      transition: none;
    }
  }
`;
