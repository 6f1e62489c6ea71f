/**
 * The emulator's SQLite store (Node only): one table of JSON documents, WAL mode, every write in a transaction.
 *
 * Durability: `journal_mode=WAL` with `synchronous=FULL`, so every committed transaction is fsynced to the WAL
 * before `put`/`delete`/`transaction` return, and so before the HTTP reply that acknowledges it. `NORMAL` would
 * survive a killed process too (the WAL is written before the commit returns; only the fsync is deferred), but
 * not a power cut; an emulator writes little, so it pays for the stronger guarantee.
 * Concurrency: `busy_timeout` lets several processes share one file; read-modify-write paths use
 * `BEGIN IMMEDIATE` so two writers never both read the old document.
 * @module
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Doc, Kind, Store } from './store.js';

export class SqliteStore implements Store {
  readonly db: Database.Database;
  #get: Database.Statement<[string, string], { doc: string }>;
  #put: Database.Statement<[string, string, string]>;
  #delete: Database.Statement<[string, string]>;
  #list: Database.Statement<[string], { doc: string }>;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS entities (kind TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (kind, id))',
    );
    this.#get = this.db.prepare('SELECT doc FROM entities WHERE kind = ? AND id = ?');
    // ON CONFLICT ... DO UPDATE keeps the row (and its rowid, the list order) of a replaced document.
    this.#put = this.db.prepare(
      'INSERT INTO entities (kind, id, doc) VALUES (?, ?, ?) ON CONFLICT (kind, id) DO UPDATE SET doc = excluded.doc',
    );
    this.#delete = this.db.prepare('DELETE FROM entities WHERE kind = ? AND id = ?');
    this.#list = this.db.prepare('SELECT doc FROM entities WHERE kind = ? ORDER BY rowid');
  }

  get(kind: Kind, id: string): Doc | undefined {
    const row = this.#get.get(kind, id);
    return row ? (JSON.parse(row.doc) as Doc) : undefined;
  }

  put(kind: Kind, id: string, doc: Doc): void {
    this.#put.run(kind, id, JSON.stringify(doc));
  }

  delete(kind: Kind, id: string): boolean {
    return this.#delete.run(kind, id).changes > 0;
  }

  list(kind: Kind): Doc[] {
    return this.#list.all(kind).map((r) => JSON.parse(r.doc) as Doc);
  }

  transaction<T>(fn: () => T): T {
    // Nested calls become savepoints (better-sqlite3); the outermost one takes the write lock up front.
    return this.db.transaction(fn).immediate();
  }

  clear(): void {
    this.db.exec('DELETE FROM entities');
  }

  close(): void {
    this.db.close();
  }
}
