// A release as a Frictionless Tabular Data Package in a zip: one CSV per resource and, last, the
// datapackage.json that describes them (Table Schema fields, sha256 hash and size of each CSV, the
// licence and a suggested citation). Streamed: rows are deflated as they come, never held whole.
import { createHash } from "node:crypto";
import { stringify } from "csv-stringify/sync";
import { Zip, ZipDeflate } from "fflate";
import { quoteLikeNeutralised } from "./formula-cells";

export type FieldType = "string" | "integer" | "boolean" | "date" | "datetime";
export type Cell = string | number | boolean | null;

export interface PackageField {
  name: string;
  type: FieldType;
  description: string;
}

export interface PackageResource {
  name: string;
  title: string;
  fields: readonly PackageField[];
  primaryKey?: readonly string[];
  rows: Iterable<Record<string, Cell>> | AsyncIterable<Record<string, Cell>>;
}

export interface PackageAbout {
  name: string;
  title: string;
  description: string;
  version: string;
  created: string;
  homepage: string;
  citation: string;
}

/** The licence the published data carries, named in every package (an editorial choice, see README). */
export const DATA_LICENCE = { name: "CC-BY-4.0", title: "Creative Commons Attribution 4.0", path: "https://creativecommons.org/licenses/by/4.0/" } as const;

const BATCH = 1000;

/** One batch of rows as CSV: booleans as true/false, empty for null, a formula-like text quoted (formula-cells.ts). */
function csvOf(fields: readonly PackageField[], rows: Array<Record<string, Cell>>, header: boolean): string {
  return stringify(rows, {
    header,
    columns: fields.map((f) => ({ key: f.name, header: f.name })),
    escape_formulas: true,
    cast: { string: quoteLikeNeutralised, boolean: (v) => (v ? "true" : "false") },
  });
}

/** The descriptor for resources whose CSV files had these sizes and hashes. */
export function packageDescriptor(about: PackageAbout, resources: ReadonlyArray<Omit<PackageResource, "rows"> & { bytes: number; sha256: string }>) {
  return {
    profile: "tabular-data-package",
    name: about.name,
    title: about.title,
    description: about.description,
    version: about.version,
    created: about.created,
    homepage: about.homepage,
    citation: about.citation,
    licenses: [DATA_LICENCE],
    resources: resources.map((r) => ({
      profile: "tabular-data-resource",
      name: r.name,
      title: r.title,
      path: `${r.name}.csv`,
      format: "csv",
      mediatype: "text/csv",
      encoding: "utf-8",
      bytes: r.bytes,
      hash: `sha256:${r.sha256}`,
      dialect: { delimiter: ",", doubleQuote: true, header: true },
      schema: { fields: r.fields.map((f) => ({ ...f, ...(f.type === "boolean" ? { trueValues: ["true"], falseValues: ["false"] } : {}) })), ...(r.primaryKey ? { primaryKey: [...r.primaryKey] } : {}) },
    })),
  };
}

/** The zip's bytes, chunk by chunk: each resource's CSV, then datapackage.json. */
export async function* dataPackageZip(about: PackageAbout, resources: readonly PackageResource[]): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else out.push(chunk);
  });
  const drain = function* () {
    if (failure) throw failure;
    while (out.length > 0) yield out.shift()!;
  };
  const described: Array<Omit<PackageResource, "rows"> & { bytes: number; sha256: string }> = [];
  const encoder = new TextEncoder();
  for (const { rows, ...resource } of resources) {
    const file = new ZipDeflate(`${resource.name}.csv`, { level: 6 });
    zip.add(file);
    const hash = createHash("sha256");
    let bytes = 0;
    const write = (text: string) => {
      const data = encoder.encode(text);
      hash.update(data);
      bytes += data.length;
      file.push(data);
    };
    write(csvOf(resource.fields, [], true));
    let batch: Array<Record<string, Cell>> = [];
    for await (const row of rows) {
      batch.push(row);
      if (batch.length >= BATCH) {
        write(csvOf(resource.fields, batch, false));
        batch = [];
        yield* drain();
      }
    }
    if (batch.length > 0) write(csvOf(resource.fields, batch, false));
    file.push(new Uint8Array(0), true);
    yield* drain();
    described.push({ ...resource, bytes, sha256: hash.digest("hex") });
  }
  const descriptor = new ZipDeflate("datapackage.json", { level: 6 });
  zip.add(descriptor);
  descriptor.push(encoder.encode(`${JSON.stringify(packageDescriptor(about, described), null, 2)}\n`), true);
  zip.end();
  yield* drain();
}
