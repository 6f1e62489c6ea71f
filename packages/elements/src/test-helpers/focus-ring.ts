// Focus-ring checks shared by the element tests: the theme stylesheet, and an assertion that a focused control
// shows a visible ring. Test code only (excluded from the library build).
import { expect, oneEvent } from '@open-wc/testing';

/** The theme stylesheet (light and dark token sets), loaded once for the focus-ring checks. */
export async function loadThemes(): Promise<void> {
  if (document.querySelector('link[data-pk-themes]')) return;
  const link = Object.assign(document.createElement('link'), {
    rel: 'stylesheet',
    href: '/packages/elements/themes/pivotkit.css',
  });
  link.dataset['pkThemes'] = '';
  const loaded = oneEvent(link, 'load');
  document.head.append(link);
  await loaded;
}

/** WCAG contrast ratio of two computed `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = c
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((v) => {
        const s = Number(v) / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Asserts a visible focus ring: a 2px solid outline in a colour that stands out (3:1) from the theme's surface. */
export function expectFocusRing(el: Element) {
  const style = getComputedStyle(el);
  const surface = getComputedStyle(document.documentElement).getPropertyValue('--pk-color-surface').trim();
  const probe = Object.assign(document.createElement('span'), { style: `color: ${surface}` });
  document.body.append(probe);
  const bg = getComputedStyle(probe).color;
  probe.remove();
  expect(style.outlineStyle, `outline of ${el.getAttribute('part')}`).to.equal('solid');
  expect(style.outlineWidth).to.equal('2px');
  expect(contrast(style.outlineColor, bg), `focus ring contrast of ${el.getAttribute('part')}`).to.be.at.least(3);
}
