// The one way to run several statements as one unit: `await transaction(db, async (tx) => …)`.
//
// Every query and command takes its executor — the app's database or the transaction it runs in —
// as its first argument, so a command called inside another's transaction joins it instead of
// opening its own. On SQLite a transaction is the connection itself between BEGIN and COMMIT, so the
// executor handed to `work` is the same object as `db`, typed the same: no casts.
//
// better-sqlite3 is synchronous and drizzle's own transaction() refuses an async callback, so the
// bracket is written here: transactions on one connection queue behind each other (a second request's
// transaction never runs inside the first's), a nested call becomes a savepoint, and an error rolls
// back. A transaction body should await only the database: while it awaits other I/O, a plain read on
// the same connection from elsewhere would see its uncommitted rows.
import { AsyncLocalStorage } from "node:async_hooks";
import { usesPostgres, type Executor } from "./dialect";

export type { Executor } from "./dialect";

const openTransaction = new AsyncLocalStorage<Executor>();
const queueOf = new WeakMap<Executor, Promise<unknown>>();
let savepoints = 0;

export interface TransactionOptions {
  /**
   * "immediate" (the default) takes the write lock at the start, so two writers never deadlock
   * upgrading read locks; "deferred" for a transaction that only reads a consistent snapshot.
   */
  behavior?: "immediate" | "deferred";
}

// PostgreSQL: drizzle's node-postgres transaction takes a pooled client for its length; a call with the
// open transaction's executor (inside `work`) becomes a savepoint on that client, as on SQLite.
const openPgTransaction = new AsyncLocalStorage<Executor>();

type PgTransactional = { transaction<T>(work: (tx: Executor) => Promise<T>): Promise<T> };

async function pgTransaction<T>(db: Executor, work: (tx: Executor) => Promise<T> | T): Promise<T> {
  const pgDb = db as unknown as PgTransactional;
  if (openPgTransaction.getStore() === db) return pgDb.transaction(async (savepoint) => work(savepoint));
  return pgDb.transaction((tx) =>
    openPgTransaction.run(tx, async () => {
      const restore = queueQueries((tx as unknown as { session: { client: QueryingClient } }).session.client);
      try {
        return await work(tx);
      } finally {
        // Before the COMMIT or ROLLBACK: a query still queued (a Promise.all that failed early) runs inside the transaction, never after it.
        await restore();
      }
    }),
  );
}

type QueryingClient = { query: (...args: unknown[]) => unknown };

/**
 * Runs the queries a transaction's work sends at once (a Promise.all of reads) one after another on
 * its one pooled client, until `restore` is called. node-postgres queues them itself but warns that it
 * will stop in pg 9 ("client.query() when the client is already executing a query"). Only the promise
 * form is queued here; a callback or a submittable (a cursor) goes straight through. `restore` waits
 * for what is still queued.
 */
function queueQueries(client: QueryingClient): () => Promise<void> {
  const query = client.query;
  let last: Promise<unknown> = Promise.resolve();
  client.query = (...args: unknown[]) => {
    const [first] = args;
    if (typeof args.at(-1) === "function" || (typeof first === "object" && first !== null && "submit" in first)) return query.apply(client, args);
    const result = last.then(() => query.apply(client, args));
    last = result.catch(() => undefined);
    return result;
  };
  return async () => {
    await last;
    client.query = query;
  };
}

export async function transaction<T>(db: Executor, work: (tx: Executor) => Promise<T> | T, options: TransactionOptions = {}): Promise<T> {
  if (usesPostgres()) return pgTransaction(db, work);
  const sqlite = db.$client;
  if (openTransaction.getStore() === db && sqlite.inTransaction) {
    const name = `nested_${++savepoints}`;
    sqlite.exec(`SAVEPOINT ${name}`);
    try {
      const result = await work(db);
      sqlite.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      sqlite.exec(`ROLLBACK TO ${name}`);
      sqlite.exec(`RELEASE ${name}`);
      throw error;
    }
  }

  const before = queueOf.get(db) ?? Promise.resolve();
  let done!: () => void;
  const mine = new Promise<void>((resolve) => (done = resolve));
  queueOf.set(
    db,
    before.then(() => mine),
  );
  await before;
  try {
    sqlite.exec(options.behavior === "deferred" ? "BEGIN DEFERRED" : "BEGIN IMMEDIATE");
    try {
      const result = await openTransaction.run(db, () => work(db));
      sqlite.exec("COMMIT");
      return result;
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
      throw error;
    }
  } finally {
    done();
  }
}
