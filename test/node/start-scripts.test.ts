// The examples' and the demo's start scripts say "ready" once their servers have printed where they listen.
// Vite colours that line (the port in bold) when it sees a terminal or a CI variable, and a line may come in two
// chunks: neither may keep "ready" from being said, or `npm run demo` and the end-to-end tests wait for ever.
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { whenPrinted } from '../../examples/_lib/servers.mjs';

function watch(mark: string | RegExp) {
  const stream = new PassThrough();
  const calls: string[] = [];
  whenPrinted(stream, mark, (seen: string) => calls.push(seen), null);
  const write = (text: string) => new Promise<void>((ok) => stream.write(text, () => setImmediate(ok)));
  return { write, calls };
}

describe('whenPrinted (start scripts)', () => {
  it('sees a mark that Vite printed in colour', async () => {
    const w = watch('localhost:5173');
    await w.write(
      '  \u001b[32m➜\u001b[39m  \u001b[1mLocal\u001b[22m:   \u001b[36mhttp://localhost:\u001b[1m5173\u001b[22m/\u001b[39m\n',
    );
    assert.equal(w.calls.length, 1);
  });

  it('sees a mark split across chunks, and says ready once', async () => {
    const w = watch(/listening on \S+/);
    await w.write('pivotkit-server emulate listen');
    assert.equal(w.calls.length, 0);
    await w.write('ing on http://localhost:8787\n');
    await w.write('listening on http://localhost:8787\n');
    assert.equal(w.calls.length, 1);
  });

  it('does not say ready for output without the mark', async () => {
    const w = watch('localhost:5173');
    await w.write('  ➜  Local:   http://localhost:5174/\n');
    assert.equal(w.calls.length, 0);
  });
});
