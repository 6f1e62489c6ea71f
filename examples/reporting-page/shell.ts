// The console's own chrome, the same on every page: the top bar with its navigation, the theme switch, the
// session pill and the banner for problems. Nothing here knows about Pivotkit; pivotkit.ts does that.
import { el } from './table.js';

export type PageId = 'messages' | 'web' | 'message';

const NAV: { id: PageId | 'dashboard' | 'quarantine'; label: string; href: string }[] = [
  { id: 'messages', label: 'Message tracking', href: './index.html' },
  { id: 'web', label: 'Web tracking', href: './web.html' },
  { id: 'quarantine', label: 'Quarantine', href: './index.html?action=Quarantined' },
];

/** Builds the top bar and the banner slot at the start of `<body>`; `current` is underlined in the navigation. */
export function mountShell(current: PageId): { session: HTMLElement; showBanner(text: string, detail: string): void } {
  const bar = el('header', 'topbar');
  bar.setAttribute('data-pk-ignore', '');
  const brand = el('span', 'brand', '◆');
  brand.setAttribute('aria-hidden', 'true');
  const nav = el('nav', 'tabs');
  nav.setAttribute('aria-label', 'Console');
  for (const item of NAV) {
    const a = el('a', undefined, item.label);
    a.href = item.href;
    if (item.id === current || (current === 'message' && item.id === 'messages')) {
      if (item.id === current) a.setAttribute('aria-current', 'page');
      a.classList.add('active');
    }
    nav.append(a);
  }
  const theme = el('button', 'theme-switch', 'Dark theme');
  theme.type = 'button';
  const dark = () => document.documentElement.classList.contains('pk-theme-dark');
  const sync = () => theme.setAttribute('aria-pressed', String(dark()));
  theme.addEventListener('click', () => {
    const next = !dark();
    document.documentElement.classList.toggle('pk-theme-dark', next);
    document.documentElement.classList.toggle('pk-theme-light', !next);
    localStorage.setItem('acme-theme', next ? 'dark' : 'light');
    sync();
  });
  const session = el('span', 'session', 'Connecting…');
  session.id = 'session';
  session.setAttribute('role', 'status');
  bar.append(brand, el('span', 'product', 'Acme Email & Web Security'), nav, theme, session);
  const banner = el('div', 'banner');
  banner.id = 'banner';
  banner.setAttribute('role', 'alert');
  banner.hidden = true;
  document.body.prepend(bar, banner);
  applyTheme();
  sync();
  return {
    session,
    showBanner(text, detail) {
      banner.replaceChildren(el('strong', undefined, text), document.createTextNode(` ${detail}`));
      banner.hidden = false;
    },
  };
}

/** `?theme=dark|light` wins (screenshots use it), then the last choice, then the OS setting. */
function applyTheme() {
  const wanted = new URLSearchParams(location.search).get('theme') ?? localStorage.getItem('acme-theme');
  if (wanted !== 'dark' && wanted !== 'light') return;
  document.documentElement.classList.toggle('pk-theme-dark', wanted === 'dark');
  document.documentElement.classList.toggle('pk-theme-light', wanted === 'light');
}
