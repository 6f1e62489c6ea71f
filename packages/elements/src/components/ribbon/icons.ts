import { svg, type SVGTemplateResult } from 'lit';

// 16×16 line icons drawn in currentColor, so they follow the theme and forced colours.
const stroke = (d: string) =>
  svg`<path d=${d} fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"/>`;

export const ICONS: Record<string, SVGTemplateResult> = {
  logo: svg`<path d="M8 1.5 14 5v6l-6 3.5L2 11V5z" fill="none" stroke="currentColor" stroke-width="1.6"/><circle cx="8" cy="8" r="2" fill="currentColor"/>`,
  home: stroke('M2.5 7.5 8 3l5.5 4.5M4 6.5V13h8V6.5'),
  casebook: stroke('M3.5 2.5h7l2 2v9h-9zM6 6.5h4M6 9h4'),
  incidents: stroke('M8 2.5 14 13H2zM8 6.5v3M8 11.3v.2'),
  orbital: svg`<circle cx="8" cy="8" r="2.2" fill="currentColor"/><ellipse cx="8" cy="8" rx="6.2" ry="2.8" fill="none" stroke="currentColor" stroke-width="1.4" transform="rotate(-30 8 8)"/>`,
  search: stroke('M7 12a5 5 0 1 0 0-10 5 5 0 0 0 0 10zM10.7 10.7 14 14'),
  find: stroke('M2.5 4.5v-2h2M11.5 2.5h2v2M13.5 11.5v2h-2M4.5 13.5h-2v-2M5.5 8h5M8 5.5v5'),
  settings: stroke(
    'M8 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM8 1.8v1.7M8 12.5v1.7M1.8 8h1.7M12.5 8h1.7M3.6 3.6l1.2 1.2M11.2 11.2l1.2 1.2M3.6 12.4l1.2-1.2M11.2 4.8l1.2-1.2',
  ),
  app: stroke('M2.5 2.5h4.5v4.5H2.5zM9 2.5h4.5v4.5H9zM2.5 9h4.5v4.5H2.5zM9 9h4.5v4.5H9z'),
  grip: svg`<g fill="currentColor"><circle cx="6" cy="4" r="1.2"/><circle cx="10" cy="4" r="1.2"/><circle cx="6" cy="8" r="1.2"/><circle cx="10" cy="8" r="1.2"/><circle cx="6" cy="12" r="1.2"/><circle cx="10" cy="12" r="1.2"/></g>`,
  collapse: stroke('M4 6l4 4 4-4'),
  expand: stroke('M4 10l4-4 4 4'),
  close: stroke('M4 4l8 8M12 4l-8 8'),
  signIn: stroke('M9.5 2.5h3v11h-3M2.5 8h7M7 5.5 9.5 8 7 10.5'),
};
