// Addresses of evidence and sources. Only http(s) is ever stored, so nothing stored can become a
// javascript:, data: or vbscript: link, however it is spelt (mixed case, leading spaces, tabs inside).
import { z } from "zod";

export const WEB_URL_MESSAGE = "Use a full http:// or https:// address, like https://example.org/report.";

export const webUrlSchema = z
  .string()
  .trim()
  .max(2000, "Keep the address under 2,000 characters.")
  .pipe(z.url({ protocol: /^https?$/, hostname: /^[^.]+(\.[^.]+)+$/, error: WEB_URL_MESSAGE }))
  .refine((value) => !URL.canParse(value) || !/^[a-z]+:\/\/[^/?#]*@/i.test(value), "Leave out the user name and password: use the public address.");

/** An optional address in a form: empty means none (null). */
export const optionalWebUrlSchema = z
  .string()
  .trim()
  .max(2000, "Keep the address under 2,000 characters.")
  .transform((v) => v || null)
  .pipe(webUrlSchema.nullable());

/** For rendering: the address if it is one this app links to, else null (show the title as plain text). */
export function linkableWebUrl(value: string): string | null {
  if (!/^https?:\/\//i.test(value)) return null;
  return URL.canParse(value) ? value : null;
}
