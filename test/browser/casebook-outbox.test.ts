import { expect, waitUntil as waitFor } from '@open-wc/testing';
import type { PivotkitApiClient } from '@pivotkit/sdk';
import { Outbox, applyEdits, classifyFailure, isLocalCaseId } from '../../packages/elements/src/state/outbox.js';
import { emulatorControl } from '../helpers/emulator.js';
import { emulatorClient } from './casebook-helpers.js';

const waitUntil = (cond: () => unknown, message?: string) => waitFor(cond, message, { timeout: 8000 });

let db = 0;
const dbName = () => `pk-outbox-test-${Date.now()}-${db++}`;

describe('casebook outbox', function () {
  this.timeout(30000);
  let client: PivotkitApiClient;
  const boxes: Outbox[] = [];
  const box = (opts: Partial<ConstructorParameters<typeof Outbox>[0]> & { dbName: string }) => {
    const b = new Outbox({ client: () => client, retryDelay: 50, maxRetryDelay: 200, ...opts });
    boxes.push(b);
    return b;
  };
  before(async () => {
    client = await emulatorClient();
    await client.signIn();
  });
  afterEach(async () => {
    await emulatorControl('faults', {});
    for (const b of boxes.splice(0)) b.dispose();
  });

  it('writes an edit to IndexedDB before sending it, and a new page finds it', async () => {
    const name = dbName();
    const signedOut = box({ dbName: name, client: () => undefined });
    const cb = await client.casebooks.create({ title: 'Outbox: stored first' });
    await signedOut.enqueue(
      cb.id,
      { kind: 'field', field: 'title', value: 'Renamed offline', base: cb.title },
      cb.modified,
    );
    expect(signedOut.edits.length).to.equal(1);
    // A second outbox on the same database is what the next page load sees.
    const next = box({ dbName: name });
    await next.ready;
    expect(next.edits.map((e) => e.edit)).to.deep.equal([
      { kind: 'field', field: 'title', value: 'Renamed offline', base: 'Outbox: stored first' },
    ]);
    await next.flush();
    expect(next.edits.length).to.equal(0);
    expect((await client.casebooks.get(cb.id)).title).to.equal('Renamed offline');
  });

  it('lists an edit from the moment it is made, before IndexedDB has it, and then once, as stored', async () => {
    const b = box({ dbName: dbName(), client: () => undefined });
    let heard = 0;
    b.subscribe(() => heard++);
    const note = { kind: 'add-text', text: { type: 'note', text: 'just typed' } } as const;
    const stored = b.enqueue('casebook-listed-at-once', note);
    // Synchronously: the analyst's note is on screen while the write is under way.
    expect(b.editsFor('casebook-listed-at-once').map((e) => e.edit)).to.deep.equal([note]);
    expect(b.edits.length).to.equal(1);
    expect(heard, 'subscribers heard of it').to.be.greaterThan(0);
    const q = await stored;
    expect(b.edits.map((e) => e.seq)).to.deep.equal([q.seq]);
    expect(q.seq).to.be.greaterThan(0);
  });

  it('keeps every edit made at the same moment, in the order they were made', async () => {
    const name = dbName();
    const b = box({ dbName: name, client: () => undefined });
    const texts = ['one', 'two', 'three', 'four'];
    const queued = await Promise.all(
      texts.map((text) => b.enqueue('casebook-at-once', { kind: 'add-text', text: { type: 'note', text } })),
    );
    expect(new Set(queued.map((q) => q.seq)).size).to.equal(4);
    const next = box({ dbName: name, client: () => undefined });
    await next.ready;
    expect(next.edits.map((e) => (e.edit.kind === 'add-text' ? e.edit.text.text : e.edit.kind))).to.deep.equal(texts);
  });

  it('merges a field edited twice at the same moment into one edit with the last value', async () => {
    const b = box({ dbName: dbName(), client: () => undefined });
    await Promise.all(
      ['Draft', 'Draft title'].map((value) =>
        b.enqueue('casebook-typed', { kind: 'field', field: 'title', value, base: 'Old' }),
      ),
    );
    expect(b.edits.map((e) => e.edit)).to.deep.equal([
      { kind: 'field', field: 'title', value: 'Draft title', base: 'Old' },
    ]);
  });

  it('keeps the edits two tabs make at the same moment', async () => {
    const name = dbName();
    // Two outboxes on one database are two tabs of the page.
    const [a, b] = [box({ dbName: name, client: () => undefined }), box({ dbName: name, client: () => undefined })];
    await Promise.all([a.ready, b.ready]);
    await Promise.all([
      a.enqueue('casebook-tabs', { kind: 'add-text', text: { type: 'note', text: 'from tab A' } }),
      b.enqueue('casebook-tabs', { kind: 'add-text', text: { type: 'note', text: 'from tab B' } }),
    ]);
    const next = box({ dbName: name, client: () => undefined });
    await next.ready;
    expect(next.edits.map((e) => (e.edit.kind === 'add-text' ? e.edit.text.text : '')).sort()).to.deep.equal([
      'from tab A',
      'from tab B',
    ]);
  });

  it('keeps edits queued while the API fails (503) and replays them in order when it is back', async () => {
    const cb = await client.casebooks.create({ title: 'Outbox: replay' });
    const b = box({ dbName: dbName() });
    await emulatorControl('faults', { errorRate: 1, errorStatus: 503, paths: ['/ctia/casebook'] });
    await b.enqueue(cb.id, { kind: 'add-text', text: { type: 'note', text: 'first' } });
    await b.enqueue(cb.id, { kind: 'add-text', text: { type: 'note', text: 'second' } });
    await b.enqueue(cb.id, { kind: 'add-observables', observables: [{ type: 'ip', value: '198.51.100.7' }] });
    await waitUntil(() => b.edits[0]?.status === 'retrying', 'the first edit fails and waits');
    expect(b.edits[0]!.httpStatus).to.equal(503);
    expect(b.edits.length).to.equal(3);
    await emulatorControl('faults', {});
    await waitUntil(() => b.edits.length === 0, 'the queue drains once the API answers');
    const server = await client.casebooks.get(cb.id);
    expect(server.texts?.map((t) => t.text)).to.deep.equal(['first', 'second']);
    expect(server.observables).to.deep.equal([{ type: 'ip', value: '198.51.100.7' }]);
  });

  it('sets an edit aside as a conflict when the case changed elsewhere, with both versions', async () => {
    const cb = await client.casebooks.create({ title: 'Outbox: original' });
    const other = await emulatorClient();
    await other.casebooks.update(cb.id, { title: 'Changed by a colleague' });
    const b = box({ dbName: dbName() });
    await b.enqueue(cb.id, { kind: 'field', field: 'title', value: 'Mine', base: cb.title }, cb.modified);
    await waitUntil(() => b.edits[0]?.status === 'conflict', 'the edit is held as a conflict');
    expect(b.edits[0]!.conflict?.theirs).to.equal('Changed by a colleague');
    expect((await client.casebooks.get(cb.id)).title).to.equal('Changed by a colleague');
    await b.keepMine(b.edits[0]!.seq);
    await waitUntil(() => b.edits.length === 0, 'keeping mine sends it');
    expect((await client.casebooks.get(cb.id)).title).to.equal('Mine');
  });

  it('does not call a change of another field a conflict', async () => {
    const cb = await client.casebooks.create({ title: 'Outbox: fields', description: 'old' });
    await (await emulatorClient()).casebooks.update(cb.id, { description: 'theirs' });
    const b = box({ dbName: dbName() });
    await b.enqueue(cb.id, { kind: 'field', field: 'title', value: 'Mine', base: cb.title }, cb.modified);
    await b.flush();
    const server = await client.casebooks.get(cb.id);
    expect([server.title, server.description]).to.deep.equal(['Mine', 'theirs']);
  });

  it('edits a note in place, and calls a note removed elsewhere a conflict', async () => {
    const a = { type: 'note', text: 'a' };
    const cb = await client.casebooks.create({ title: 'Outbox: notes', texts: [a, { type: 'note', text: 'b' }] });
    const b = box({ dbName: dbName() });
    await b.enqueue(cb.id, { kind: 'edit-text', from: a, to: { type: 'note', text: 'a2' } }, cb.modified);
    await b.flush();
    expect((await client.casebooks.get(cb.id)).texts?.map((t) => t.text)).to.deep.equal(['a2', 'b']);
    await client.casebooks.removeTexts(cb.id, [{ type: 'note', text: 'b' }]);
    await b.enqueue(cb.id, { kind: 'edit-text', from: { type: 'note', text: 'b' }, to: { type: 'note', text: 'b2' } });
    await waitUntil(() => b.edits[0]?.status === 'conflict', 'the edit of a removed note is a conflict');
  });

  it('marks a 403 as refused with the missing scope, and keeps the edit', async () => {
    const cb = await client.casebooks.create({ title: 'Outbox: scope' });
    const limited = await emulatorClient('enrich:read casebook:read');
    await limited.signIn();
    const b = box({ dbName: dbName(), client: () => limited });
    await b.enqueue(cb.id, { kind: 'add-text', text: { type: 'note', text: 'denied' } });
    await waitUntil(() => b.edits[0]?.status === 'failed', 'the edit is refused');
    expect(b.edits[0]!.httpStatus).to.equal(403);
    expect(b.edits[0]!.missingScopes).to.deep.equal(['casebook:write']);
  });

  it('creates a case made offline, then sends its other edits to the new id', async () => {
    const name = dbName();
    const offline = box({ dbName: name, client: () => undefined });
    const local = `local-${crypto.randomUUID()}`;
    expect(isLocalCaseId(local)).to.equal(true);
    await offline.enqueue(local, { kind: 'create', input: { title: 'Made offline' } });
    await offline.enqueue(local, {
      kind: 'add-observables',
      observables: [{ type: 'domain', value: 'evil.example.net' }],
    });
    await offline.enqueue(local, {
      kind: 'field',
      field: 'title',
      value: 'Made offline, renamed',
      base: 'Made offline',
    });
    let createdId = '';
    const online = box({ dbName: name, onAck: (a) => (createdId = a.createdId ?? createdId) });
    await online.flush();
    expect(online.edits.length).to.equal(0);
    expect(createdId).to.match(/^casebook-/);
    const server = await client.casebooks.get(createdId);
    expect(server.title).to.equal('Made offline, renamed');
    expect(server.observables).to.deep.equal([{ type: 'domain', value: 'evil.example.net' }]);
  });

  it("says how an edit settled: sent with the server's case, or waiting, and later sent", async () => {
    const cb = await client.casebooks.create({ title: 'Outbox: settled' });
    const b = box({ dbName: dbName() });
    const sent = await b.enqueue(cb.id, { kind: 'add-observables', observables: [{ type: 'ip', value: '192.0.2.1' }] });
    const r = await b.settled(sent.seq);
    expect(r.status).to.equal('sent');
    expect(r.status === 'sent' && r.casebook?.observables).to.deep.equal([{ type: 'ip', value: '192.0.2.1' }]);
    await emulatorControl('faults', { errorRate: 1, errorStatus: 503, paths: ['/ctia/casebook'] });
    const made = await b.enqueue(`local-${crypto.randomUUID()}`, { kind: 'create', input: { title: 'Settled later' } });
    const later = b.settled(made.seq, { untilSent: true });
    expect((await b.settled(made.seq)).status).to.equal('retrying');
    await emulatorControl('faults', {});
    const done = await later;
    expect(done.status).to.equal('sent');
    const id = done.status === 'sent' ? done.createdId : undefined;
    expect((await client.casebooks.get(id!)).title).to.equal('Settled later');
  });

  it('applies queued edits to the case shown', () => {
    const cb = {
      id: 'casebook-1',
      longId: '',
      type: 'casebook' as const,
      schema_version: '1',
      title: 't',
      observables: [],
    };
    const shown = applyEdits(cb, [
      {
        seq: 1,
        caseId: 'casebook-1',
        at: 0,
        attempts: 0,
        status: 'queued',
        edit: { kind: 'field', field: 'title', value: 'u', base: 't' },
      },
      {
        seq: 2,
        caseId: 'casebook-1',
        at: 0,
        attempts: 0,
        status: 'queued',
        edit: { kind: 'add-observables', observables: [{ type: 'ip', value: '1.2.3.4' }] },
      },
      { seq: 3, caseId: 'casebook-2', at: 0, attempts: 0, status: 'queued', edit: { kind: 'delete' } },
    ]);
    expect(shown?.title).to.equal('u');
    expect(shown?.observables).to.deep.equal([{ type: 'ip', value: '1.2.3.4' }]);
  });

  it('retries what may pass and not what the service refused', () => {
    expect(classifyFailure(Object.assign(new Error('x'), { name: 'NetworkError', toJSON: () => ({}) }))).to.equal(
      'retry',
    );
  });
});
