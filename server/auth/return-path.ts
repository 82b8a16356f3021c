/**
 * Where to go after signing in: a path on this site only. "//evil.example", "/\evil.example" (browsers
 * read a backslash as a slash) and control characters inside would lead to another origin.
 */
export function safeReturnPath(next: string | string[] | undefined, fallback = "/review"): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value || !value.startsWith("/") || value.length > 2000) return fallback;
  if (/[\\\u0000-\u001f\u007f]/.test(value) || value.startsWith("//")) return fallback;
  return value;
}
