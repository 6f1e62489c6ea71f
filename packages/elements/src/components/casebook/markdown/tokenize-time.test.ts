import { expect } from '@open-wc/testing';
import { tokenize } from './tokenize.js';

// In a file of its own: a page with no other test's DOM or garbage, so that timings mean something.
describe('Markdown tokenizer', () => {
  it('tokenizes in time linear in the input, pathological inputs included', function () {
    // Thirteen shapes, each timed at two sizes: more than mocha's default 5 s on a busy machine.
    this.timeout(60_000);
    const shapes: Record<string, (n: number) => string> = {
      'unmatched openers': (n) => '*a '.repeat(n),
      'nested emphasis': (n) => '*a _'.repeat(n / 2) + 'x' + '_ a*'.repeat(n / 2),
      'rule of three': (n) => 'a**b*'.repeat(n),
      'closers with no opener': (n) => '*a '.repeat(n / 2) + 'a_ '.repeat(n / 2),
      'closers failing the rule of three': (n) => '**a '.repeat(n / 2) + 'a*b'.repeat(n / 2),
      brackets: (n) => '['.repeat(n) + ']'.repeat(n),
      'open link titles': (n) => '[a](b "'.repeat(n),
      'nested parentheses': (n) => '[](('.repeat(n),
      'backtick runs': (n) => Array.from({ length: n }, (_, i) => '`'.repeat((i % 60) + 1) + 'x').join(''),
      'autolink starts': (n) => '<a:b'.repeat(n),
      'deep lists': (n) => Array.from({ length: n / 4 }, (_, i) => ' '.repeat(2 * (i % 40)) + '- x').join('\n'),
      'quote markers': (n) => '> '.repeat(n),
      'table delimiters': (n) => `a|b\n|-${' '.repeat(n)}x`,
    };
    const time = (s: string) => {
      let best = Infinity;
      for (let k = 0; k < 3; k++) {
        const t0 = performance.now();
        tokenize(s);
        best = Math.min(best, performance.now() - t0);
      }
      return best;
    };
    for (const [name, make] of Object.entries(shapes)) {
      const small = time(make(5_000));
      const large = time(make(40_000));
      // 8× the input: linear is ~8×, quadratic ~64×. Leave room for a busy machine and a warm-up.
      expect(large, `${name}: ${small.toFixed(1)} ms → ${large.toFixed(1)} ms`).to.be.below(small * 24 + 150);
    }
  });
});
