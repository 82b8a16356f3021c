// Readable, stable identifiers for addresses: "Release Gui Minhai" → "release-gui-minhai".
export function slugify(text: string, maxLength = 60): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/g, "");
  return slug || "item";
}

/** The slug, or the slug with the lowest numeric suffix not yet taken (`taken` may ask the database). */
export async function uniqueSlug(text: string, taken: (slug: string) => boolean | Promise<boolean>): Promise<string> {
  const base = slugify(text);
  if (!(await taken(base))) return base;
  for (let n = 2; ; n++) if (!(await taken(`${base}-${n}`))) return `${base}-${n}`;
}
