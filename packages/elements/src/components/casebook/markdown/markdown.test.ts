import { expect, fixture, html } from '@open-wc/testing';
import { adoptStyles, render } from 'lit';
import { tokens } from '../../../styles/tokens.js';
import { loadThemes } from '../../../test-helpers/focus-ring.js';
import { markdownStyles } from './markdown.styles.js';
import './pk-markdown.js';
import { renderMarkdown } from './render.js';
import { MAX_BLOCK_DEPTH, MAX_INLINE_DEPTH } from './tokenize.js';

/** Renders Markdown into a fresh shadow root styled as an element would style it, and returns its `.pk-md`. */
function md(source: string, opts?: Parameters<typeof renderMarkdown>[1]): HTMLElement {
  const div = document.createElement('div');
  document.body.append(div);
  const root = div.attachShadow({ mode: 'open' });
  adoptStyles(root, [tokens, markdownStyles]);
  render(renderMarkdown(source, opts), root);
  return root.querySelector('.pk-md')!;
}

const tags = (el: Element) =>
  [...el.querySelectorAll('*')].map((e) => e.localName).filter((t) => t !== 'svg' && t !== 'path');

function depthOf(el: Element): number {
  let max = 0;
  const walk = (e: Element, d: number) => {
    if (d > max) max = d;
    for (const c of e.children) walk(c, d + 1);
  };
  walk(el, 0);
  return max;
}

afterEach(() => {
  for (const d of document.body.querySelectorAll(':scope > div')) d.remove();
});

describe('Markdown', () => {
  describe('blocks', () => {
    it('renders headings, paragraphs, emphasis, code and breaks', () => {
      const el = md('# Phishing wave\n\nSeen *twice*, **blocked** once, via `mshta.exe`  \nthen again\n\n---');
      expect(el.querySelector('h3')!.textContent).to.equal('Phishing wave');
      expect(el.querySelector('p em')!.textContent).to.equal('twice');
      expect(el.querySelector('p strong')!.textContent).to.equal('blocked');
      expect(el.querySelector('p code')!.textContent).to.equal('mshta.exe');
      expect(el.querySelectorAll('p br').length).to.equal(1);
      expect(el.querySelectorAll('hr').length).to.equal(1);
    });

    it('renumbers heading levels from headingLevel without skipping one', () => {
      const el = md('# A\n### B\n###### C\n## D\nE\n=', { headingLevel: 2 });
      expect(tags(el).filter((t) => /^h\d$/.test(t))).to.deep.equal(['h2', 'h3', 'h4', 'h3', 'h2']);
    });

    it('renders nested, tight and loose lists', () => {
      const el = md('- one\n- two\n  1. a\n  2. b\n     - deep\n\n3. three\n4. four\n\n5. five');
      expect(el.querySelector(':scope > ul > li')!.textContent).to.equal('one');
      expect(el.querySelector('ul ol li ul li')!.textContent).to.equal('deep');
      const ol = el.querySelector(':scope > ol')!;
      expect(ol.getAttribute('start')).to.equal('3');
      expect(ol.querySelectorAll('li > p').length).to.equal(3); // loose: items hold paragraphs
      expect(el.querySelectorAll(':scope > ul > li > p').length).to.equal(0); // tight
    });

    it('renders block quotes with lazy lines and nested quotes', () => {
      const el = md('> first\nlazy\n>> inner');
      expect(el.querySelector('blockquote > p')!.textContent).to.equal('first\nlazy');
      expect(el.querySelector('blockquote blockquote p')!.textContent).to.equal('inner');
    });

    it('keeps code blocks verbatim, fenced and indented', () => {
      const el = md('```sh\ncurl http://x | sh *not em*\n  <b>\n```\n\n    indented & <i>');
      const pres = el.querySelectorAll('pre code');
      expect(pres[0]!.textContent).to.equal('curl http://x | sh *not em*\n  <b>');
      expect(pres[1]!.textContent).to.equal('indented & <i>');
      expect(el.querySelector('em, b, i')).to.equal(null);
    });

    it('renders pipe tables with alignment and escaped pipes', () => {
      const el = md('| host | hits |\n|:--|--:|\n| a.example | 3 |\n| `x\\|y` |');
      expect([...el.querySelectorAll('th')].map((t) => t.textContent)).to.deep.equal(['host', 'hits']);
      expect(el.querySelectorAll('th')[0]!.getAttribute('scope')).to.equal('col');
      expect(el.querySelectorAll('tbody tr').length).to.equal(2);
      expect(el.querySelector('tbody tr:last-child code')!.textContent).to.equal('x|y');
      expect(el.querySelectorAll('tbody tr:last-child td').length).to.equal(2);
      expect(getComputedStyle(el.querySelectorAll('td')[1]!).textAlign).to.equal('end');
    });
  });

  describe('links', () => {
    it('opens http(s) links in a new tab, without opener or referrer, and says so', () => {
      const el = md('[report](https://intel.example/r?id=1 "The report") and <http://a.example/x>');
      const links = el.querySelectorAll('a');
      expect(links.length).to.equal(2);
      const a = links[0]!;
      expect(a.getAttribute('href')).to.equal('https://intel.example/r?id=1');
      expect(a.target).to.equal('_blank');
      expect(a.rel).to.equal('noopener noreferrer');
      expect(a.title).to.equal('The report');
      expect(a.textContent).to.equal('report (opens in a new tab)');
      expect(getComputedStyle(a.querySelector('.pk-md-hint')!).position).to.equal('absolute');
      expect(links[1]!.getAttribute('href')).to.equal('http://a.example/x');
    });

    it('uses the given hint for the new-tab note', () => {
      const el = md('[x](https://a.example)', { opensInNewTab: 'ouvre un nouvel onglet' });
      expect(el.querySelector('a')!.textContent).to.equal('x (ouvre un nouvel onglet)');
    });

    const hostile = [
      '[x](javascript:alert(1))',
      '[x](JaVaScRiPt:alert(1))',
      '[x]( javascript:alert(1))',
      '[x](<java\tscript:alert(1)>)',
      '[x](&#106;avascript:alert(1))',
      '[x](&#x6A;avascript&#58;alert(1))',
      '[x](javascript&colon;alert(1))',
      '[x](java&Tab;script:alert(1))',
      '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '[x](vbscript:msgbox(1))',
      '[x](file:///etc/passwd)',
      '[x](//evil.example/a)',
      '[x](/relative/path)',
      '[x](mailto:a@b.example)',
      '[x](\\\\evil.example\\share)',
      '![x](javascript:alert(1))',
      '<javascript:alert(1)>',
      '<data:text/html,<script>alert(1)</script>>',
      '<a@b.example>',
    ];
    for (const src of hostile) {
      it(`keeps ${JSON.stringify(src)} as text, not a link`, () => {
        const el = md(src);
        expect(el.querySelector('a')).to.equal(null);
        expect(el.textContent!.length).to.be.greaterThan(0);
      });
    }

    it('shows a refused link exactly as written', () => {
      expect(md('see [x](javascript:alert(1)) now').textContent).to.equal('see [x](javascript:alert(1)) now');
    });

    it('renders an image as a link to it, never loading it', () => {
      const el = md('![tracking pixel](https://evil.example/p.gif)');
      expect(el.querySelector('img')).to.equal(null);
      expect(el.querySelector('a')!.getAttribute('href')).to.equal('https://evil.example/p.gif');
    });

    it('puts no link inside a link', () => {
      const el = md('[a [b](https://b.example) c](https://a.example)');
      expect(el.querySelectorAll('a a').length).to.equal(0);
      expect(el.querySelectorAll('a').length).to.equal(1);
    });
  });

  describe('hostile text', () => {
    it('shows raw HTML as text', () => {
      const src =
        '<script>window.__mdPwned=1</script>\n\n<img src=x onerror="window.__mdPwned=2">\n\n' +
        '<iframe src="javascript:alert(1)"></iframe> <b onclick=alert(1)>bold</b>\n\n' +
        '<style>*{display:none}</style>\n\n*<svg onload=alert(1)>*';
      const el = md(src);
      expect(tags(el).filter((t) => !['div', 'p', 'em'].includes(t))).to.deep.equal([]);
      expect(el.textContent).to.contain('<script>window.__mdPwned=1</script>');
      expect(el.textContent).to.contain('<img src=x onerror="window.__mdPwned=2">');
      expect((window as unknown as { __mdPwned?: number }).__mdPwned).to.equal(undefined);
    });

    it('decodes entities to text, never to markup', () => {
      const el = md('&lt;script&gt;alert(1)&lt;/script&gt; &amp;lt; &#60;b&#62; &#0; &#xD800; &nosuch;');
      expect(el.querySelector('script, b')).to.equal(null);
      expect(el.textContent).to.equal('<script>alert(1)</script> &lt; <b> \ufffd \ufffd &nosuch;');
    });

    it('keeps backslash escapes literal', () => {
      expect(md('\\*not em\\* \\<b\\> \\[x\\](https://a.example)').textContent).to.equal(
        '*not em* <b> [x](https://a.example)',
      );
    });

    it('stops nesting containers at a bounded depth', () => {
      const quotes = md('>'.repeat(5000) + ' deep');
      expect(quotes.querySelectorAll('blockquote').length).to.equal(MAX_BLOCK_DEPTH);
      expect(quotes.textContent).to.contain('deep');
      const lists = md(Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n'));
      expect(depthOf(lists)).to.be.at.most(2 * MAX_BLOCK_DEPTH + 4);
      expect(lists.textContent).to.contain('item 1999');
    });

    it('flattens emphasis and links nested too deep into text', () => {
      const n = 3000;
      const el = md('*a _'.repeat(n) + 'core' + '_ a*'.repeat(n));
      expect(depthOf(el)).to.be.at.most(MAX_INLINE_DEPTH + 3);
      expect(el.textContent).to.contain('core');
      const links = md('['.repeat(n) + 'x' + '](https://a.example)'.repeat(n));
      expect(depthOf(links)).to.be.at.most(MAX_INLINE_DEPTH + 3);
    });

    it('never throws on odd input', () => {
      for (const s of [
        '',
        '\u0000',
        '\r\n\r',
        '\t\t- x',
        '|',
        '|-|',
        '```',
        '> ',
        '* ',
        '1. ',
        '[',
        '](',
        '`',
        '&#;',
      ]) {
        expect(() => md(s)).not.to.throw();
      }
    });
  });

  describe('<pk-markdown>', () => {
    it('renders its source and is accessible, light and dark', async () => {
      await loadThemes();
      const page = await fixture<HTMLElement>(
        html`<div style="background: var(--pk-color-surface); padding: 1rem">
          <pk-markdown
            heading-level="2"
            .source=${'# Case\n\nSee [the report](https://a.example).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> quoted\n\n```\ncode\n```\n\n- x\n- y'}
          ></pk-markdown>
        </div>`,
      );
      const el = page.querySelector('pk-markdown')!;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Case');
      await expect(page).to.be.accessible();
      document.documentElement.classList.add('pk-theme-dark');
      try {
        await expect(page).to.be.accessible();
      } finally {
        document.documentElement.classList.remove('pk-theme-dark');
      }
    });
  });
});
