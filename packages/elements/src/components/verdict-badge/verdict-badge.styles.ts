import { css } from 'lit';

// The pill's text leans a little toward the theme's text colour (the color-mix with --_fg): on its own tint, Clean
// and Suspicious were just under 4.5:1 in the light theme. (Notes stay out of the CSS text, which ships as written.)
export default css`
  :host {
    display: inline-flex;
    vertical-align: middle;
    font: 600 0.75em/1 var(--_font);
    --_color: var(--_unknown);
  }
  :host([disposition='1']) {
    --_color: var(--_clean);
  }
  :host([disposition='2']) {
    --_color: var(--_malicious);
  }
  :host([disposition='3']) {
    --_color: var(--_suspicious);
  }
  :host([disposition='4']) {
    --_color: var(--_common);
  }
  [part='base'] {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    padding: 0.2em 0.5em;
    border: 1px solid var(--_color);
    border-radius: 999px;
    color: color-mix(in srgb, var(--_color) 85%, var(--_fg));
    background: color-mix(in srgb, var(--_color) 10%, transparent);
    white-space: nowrap;
  }
  [part='icon'] {
    width: 0.8em;
    height: 0.8em;
    flex: none;
    fill: currentColor;
  }
`;
