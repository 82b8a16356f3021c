// The JSON backup format: a header, then every table as columns and rows. Values keep their SQLite
// type: a JSON number is always an integer; reals, integers beyond 2^53 and blobs are tagged.
export const BACKUP_FORMAT = "dialogue-scorecard-backup";
export const BACKUP_FORMAT_VERSION = 1;

export type SqliteValue = bigint | number | string | Buffer | null;
export type EncodedValue = number | string | null | { $int: string } | { $real: number | string } | { $blob: string };

export interface BackupMigration {
  /** drizzle declares the column "SERIAL", which SQLite does not make a rowid alias: it is usually null. */
  id: number | null;
  hash: string;
  createdAt: number;
  /** The migration's file name from drizzle's journal, where the app knows it. */
  tag: string | null;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  appVersion: string;
  createdAt: string;
  migrations: BackupMigration[];
}

export class BackupError extends Error {}

/** A value read with safeIntegers(true): integers arrive as bigint, reals as number. */
export function encodeValue(value: SqliteValue): EncodedValue {
  if (value === null || typeof value === "string") return value;
  if (typeof value === "bigint") {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : { $int: value.toString() };
  }
  if (typeof value === "number") return { $real: Number.isFinite(value) ? value : String(value) };
  if (Buffer.isBuffer(value)) return { $blob: value.toString("base64") };
  throw new BackupError(`Cannot back up a value of type ${typeof value}.`);
}

/** The value to bind on restore: integers as bigint so SQLite stores them as INTEGER, reals as number. */
export function decodeValue(value: unknown): SqliteValue {
  if (value === null || typeof value === "string") return value;
  if (typeof value === "number") {
    if (!Number.isInteger(value)) throw new BackupError(`${value} is a bare non-integer number; reals are written as {"$real": …}.`);
    return BigInt(value);
  }
  if (typeof value === "object" && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    const [key, inner] = entries[0] ?? [];
    if (entries.length === 1 && key === "$int" && typeof inner === "string" && /^-?\d+$/.test(inner)) return BigInt(inner);
    if (entries.length === 1 && key === "$real" && typeof inner === "number") return inner;
    if (entries.length === 1 && key === "$real" && (inner === "Infinity" || inner === "-Infinity")) return Number(inner);
    if (entries.length === 1 && key === "$blob" && typeof inner === "string") return Buffer.from(inner, "base64");
  }
  throw new BackupError(`Unexpected value ${JSON.stringify(value)?.slice(0, 80)}.`);
}

/** One row as a line of JSON. */
export function encodeRow(row: SqliteValue[]): string {
  return JSON.stringify(row.map(encodeValue));
}
