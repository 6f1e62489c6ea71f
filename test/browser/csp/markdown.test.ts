// Runs in the "trusted-types" group of web-test-runner.config.mjs: only lit-html's policy may create HTML here.
// Rendering hostile Markdown proves that no author text reaches an HTML sink.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../packages/elements/src/components/casebook/markdown/pk-markdown.js';

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}: ${e.sample}`));

const HOSTILE = [
  '# <img src=x onerror="window.__mdTT=1">',
  '<script>window.__mdTT=2</script>',
  '[click](javascript:window.__mdTT=3) [entity](&#106;avascript:window.__mdTT=4)',
  '<iframe srcdoc="<script>parent.__mdTT=5</script>"></iframe>',
  '| <b>a</b> | `<svg onload=x>` |\n|---|---|\n| &lt;script&gt; | [x](https://ok.example) |',
  '> <style>*{display:none}</style>\n\n```\n</code></pre><script>window.__mdTT=6</script>\n```',
  '![x](https://evil.example/pixel.gif)',
].join('\n\n');

describe('Markdown under a Trusted Types policy', () => {
  it('renders hostile Markdown as text with no violation', async () => {
    violations.length = 0;
    const el = await fixture(html`<pk-markdown .source=${HOSTILE}></pk-markdown>`);
    const root = el.shadowRoot!;
    expect(root.querySelector('script, img, iframe, style, svg[onload], b')).to.equal(null);
    expect(root.textContent).to.contain('<script>window.__mdTT=2</script>');
    expect([...root.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://ok.example/',
      'https://evil.example/pixel.gif',
    ]);
    expect((window as unknown as { __mdTT?: number }).__mdTT).to.equal(undefined);
    expect(violations).to.deep.equal([]);
  });
});
