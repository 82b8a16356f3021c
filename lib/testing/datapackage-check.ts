// Checks a zipped Frictionless Tabular Data Package as a validator would, offline: the descriptor's
// profile, each resource's file, size and sha256 hash, its header against the schema's fields, and
// every cell against its field's type. Returns the problems found (none: it validates).
import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import { unzipSync } from "fflate";

interface Field {
  name: string;
  type: string;
  trueValues?: string[];
  falseValues?: string[];
}

const TYPE_CHECKS: Record<string, (cell: string, field: Field) => boolean> = {
  string: () => true,
  integer: (cell) => /^-?\d+$/.test(cell),
  boolean: (cell, field) => (field.trueValues ?? ["true"]).includes(cell) || (field.falseValues ?? ["false"]).includes(cell),
  date: (cell) => /^\d{4}-\d{2}-\d{2}$/.test(cell) && !Number.isNaN(Date.parse(cell)),
  datetime: (cell) => !Number.isNaN(Date.parse(cell)) && /^\d{4}-\d{2}-\d{2}T/.test(cell),
};

export function checkDataPackage(zip: Uint8Array): { problems: string[]; descriptor: Record<string, unknown>; tables: Record<string, string[][]> } {
  const files = unzipSync(zip);
  const problems: string[] = [];
  const tables: Record<string, string[][]> = {};
  if (!files["datapackage.json"]) return { problems: ["no datapackage.json"], descriptor: {}, tables };
  const descriptor = JSON.parse(new TextDecoder().decode(files["datapackage.json"])) as Record<string, unknown> & { resources?: Array<Record<string, unknown>> };
  if (descriptor.profile !== "tabular-data-package") problems.push(`profile is ${String(descriptor.profile)}`);
  if (!Array.isArray(descriptor.licenses) || descriptor.licenses.length === 0) problems.push("no licence");
  for (const resource of descriptor.resources ?? []) {
    const name = String(resource.name);
    const data = files[String(resource.path)];
    if (!data) {
      problems.push(`${name}: no file ${String(resource.path)}`);
      continue;
    }
    if (resource.bytes !== data.length) problems.push(`${name}: ${data.length} bytes, the descriptor says ${String(resource.bytes)}`);
    const hash = `sha256:${createHash("sha256").update(data).digest("hex")}`;
    if (resource.hash !== hash) problems.push(`${name}: hash ${hash}, the descriptor says ${String(resource.hash)}`);
    const fields = ((resource.schema as { fields?: Field[] } | undefined)?.fields ?? []) as Field[];
    const rows = parse(Buffer.from(data), { relax_column_count: false }) as string[][];
    tables[name] = rows;
    const [header = [], ...body] = rows;
    if (JSON.stringify(header) !== JSON.stringify(fields.map((f) => f.name))) problems.push(`${name}: header ${JSON.stringify(header)} is not the schema's fields`);
    body.forEach((row, i) => {
      fields.forEach((field, j) => {
        const cell = row[j] ?? "";
        const check = TYPE_CHECKS[field.type];
        if (!check) problems.push(`${name}: field ${field.name} has an unknown type ${field.type}`);
        else if (cell !== "" && !check(cell, field)) problems.push(`${name} row ${i + 2}: ${field.name} ${JSON.stringify(cell)} is not a ${field.type}`);
      });
    });
  }
  return { problems, descriptor, tables };
}
