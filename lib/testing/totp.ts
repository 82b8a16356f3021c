// RFC 6238 TOTP (HMAC-SHA1, 6 digits, 30 seconds) computed from a base32 secret, as an authenticator app
// does: the tests compute the codes themselves rather than asking the library they test.
import { createHmac } from "node:crypto";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=]/g, "").toUpperCase();
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error(`not base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** The code for `key` at `timeMs` (HOTP of the 30-second step, RFC 4226 dynamic truncation). */
export function totpFromKey(key: Buffer, timeMs = Date.now(), digits = 6): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(timeMs / 1000 / 30)));
  const mac = createHmac("sha1", key).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(binary % 10 ** digits).padStart(digits, "0");
}

/** The code an app shows now for a secret as the enrolment page prints it (base32, in groups). */
export function totp(secretBase32: string, timeMs = Date.now()): string {
  return totpFromKey(base32Decode(secretBase32), timeMs);
}

/** A 6-digit code that is not valid in the steps around `timeMs` (better-auth accepts one step either side). */
export function wrongTotp(secretBase32: string, timeMs = Date.now()): string {
  const near = new Set([-1, 0, 1].map((step) => totp(secretBase32, timeMs + step * 30_000)));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, "0");
    if (!near.has(candidate)) return candidate;
  }
}
