// The emulator's SQLite store: a write that got a 2xx survives the process being killed mid-burst, and two
// processes writing to one database file do not lose each other's updates.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { getToken, startServer } from './spawn-server.js';

const dirs: string[] = [];
function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pivotkit-emu-'));
  dirs.push(dir);
  return join(dir, 'emulator.db');
}
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const args = (db: string) => ['emulate', '--port', '0', '--host', '127.0.0.1', '--data', db, '--quiet'];

describe('emulator durability (SQLite, WAL)', () => {
  it('keeps every acknowledged casebook write after a SIGKILL in the middle of a burst', async () => {
    const db = tempDb();
    const first = await startServer(args(db));
    const token = await getToken(first.url);
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };

    // A shared casebook that the burst also appends observables to.
    const shared = await fetch(`${first.url}/ctia/casebook`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ title: 'shared' }),
    });
    const sharedId = ((await shared.json()) as { id: string }).id.split('/').pop()!;

    const acked: { id: string; title: string }[] = [];
    const ackedObservables: string[] = [];
    let killed = false;
    let attempted = 0;
    const KILL_AFTER = 60;
    const worker = async (w: number) => {
      for (let i = 0; !killed && i < 1000; i++) {
        attempted++;
        const title = `burst ${w}-${i}`;
        try {
          if (i % 3 === 2) {
            const value = `198.51.${w}.${i % 250}`;
            const res = await fetch(`${first.url}/ctia/casebook/${sharedId}/observables`, {
              method: 'POST',
              headers,
              body: JSON.stringify({ operation: 'add', observables: [{ type: 'ip', value }] }),
            });
            if (res.ok) ackedObservables.push(value);
            await res.arrayBuffer();
          } else {
            const res = await fetch(`${first.url}/ctia/casebook`, {
              method: 'POST',
              headers,
              body: JSON.stringify({ title, observables: [{ type: 'domain', value: `w${w}.example.io` }] }),
            });
            if (res.status === 201) acked.push({ id: ((await res.json()) as { id: string }).id, title });
            else await res.arrayBuffer();
          }
        } catch {
          // The connection died with the process: this write was never acknowledged.
        }
        if (!killed && acked.length + ackedObservables.length >= KILL_AFTER) {
          killed = true;
          first.child.kill('SIGKILL'); // while the other workers' requests are in flight
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, w) => worker(w)));
    const { signal } = await first.exited;
    assert.equal(signal, 'SIGKILL');
    assert.ok(acked.length > 0 && attempted > acked.length + ackedObservables.length, 'the kill landed mid-burst');

    const second = await startServer(args(db));
    try {
      // The signing key is in the database too: the old token still works after the restart.
      const h = { Authorization: `Bearer ${token}` };
      for (const { id, title } of acked) {
        const res = await fetch(`${second.url}/ctia/casebook/${id.split('/').pop()}`, { headers: h });
        assert.equal(res.status, 200, `acknowledged casebook ${title} is missing after the restart`);
        assert.equal(((await res.json()) as { title: string }).title, title);
      }
      const res = await fetch(`${second.url}/ctia/casebook/${sharedId}`, { headers: h });
      const values = ((await res.json()) as { observables: { value: string }[] }).observables.map((o) => o.value);
      for (const v of ackedObservables) assert.ok(values.includes(v), `acknowledged observable ${v} is missing`);
    } finally {
      await second.stop();
    }
  });

  it('lets two processes append to one casebook in the same file without losing updates', async () => {
    const db = tempDb();
    const a = await startServer(args(db));
    const b = await startServer(args(db));
    try {
      const token = await getToken(a.url);
      const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
      const created = await fetch(`${a.url}/ctia/casebook`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ title: 'two writers' }),
      });
      const id = ((await created.json()) as { id: string }).id.split('/').pop()!;
      const add = (url: string, value: string) =>
        fetch(`${url}/ctia/casebook/${id}/observables`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ operation: 'add', observables: [{ type: 'ip', value }] }),
        }).then((r) => r.status);
      const statuses = await Promise.all(
        Array.from({ length: 40 }, (_, i) => add(i % 2 ? a.url : b.url, `192.0.2.${i}`)),
      );
      assert.ok(statuses.every((s) => s === 200));
      const got = await fetch(`${b.url}/ctia/casebook/${id}`, { headers });
      assert.equal(((await got.json()) as { observables: unknown[] }).observables.length, 40);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
