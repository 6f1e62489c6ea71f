import { css } from 'lit';

/**
 * Global design tokens, read from `--pk-*` custom properties with light-theme fallbacks.
 * A theme is only a set of these tokens (see `themes/`); components never hard-code colours.
 */
export const tokens = css`
  :host {
    --_font: var(--pk-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-mono: var(--pk-font-family-mono, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);
    --_font-size: var(--pk-font-size, 0.875rem);
    --_radius: var(--pk-radius, 6px);
    --_fg: var(--pk-color-text, #1d2430);
    --_fg-muted: var(--pk-color-text-muted, #5a6372);
    --_bg: var(--pk-color-surface, #ffffff);
    --_bg-raised: var(--pk-color-surface-raised, #f4f6f9);
    --_border: var(--pk-color-border, #c9d0da);
    --_accent: var(--pk-color-accent, #0b62d6);
    --_accent-fg: var(--pk-color-accent-text, #ffffff);
    --_focus: var(--pk-color-focus, #0b62d6);
    --_danger: var(--pk-color-danger, #b3261e);
    --_clean: var(--pk-color-clean, #1b7f3b);
    --_malicious: var(--pk-color-malicious, #b3261e);
    --_suspicious: var(--pk-color-suspicious, #a15c00);
    --_common: var(--pk-color-common, #3d5a80);
    --_unknown: var(--pk-color-unknown, #5a6372);
    --_shadow: var(--pk-shadow, 0 6px 24px rgb(0 0 0 / 0.18));
  }
`;
