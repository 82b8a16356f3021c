// Which client a request comes from, for rate limits. `next start` keeps whatever X-Forwarded-For the
// client sent (it fills the header from the socket only when it is absent), and route handlers never see
// the socket, so a client-sent address is believed only when TRUST_PROXY says proxies put it there.
import { isIP } from "node:net";

/** Set by the auth route from X-Forwarded-For when TRUST_PROXY allows it; removed from every incoming request first. */
export const CLIENT_ADDRESS_HEADER = "x-scorecard-client-address";

/** Headers a client could send to claim an address; the auth route never passes them on to better-auth. */
export const CLIENT_SENT_ADDRESS_HEADERS = ["x-forwarded-for", "x-real-ip", "forwarded", "cf-connecting-ip", "true-client-ip", CLIENT_ADDRESS_HEADER];

/**
 * The client's address when `trustedProxies` reverse proxies each append the address they received the
 * request from to X-Forwarded-For: the right-most hop none of them could have been handed by the client,
 * i.e. the entry `trustedProxies` places from the right. Everything left of it is whatever the client
 * sent. Null when proxies are not trusted, the chain is shorter than the proxies (someone reached the
 * app directly), or the entry is not an IP address.
 */
export function clientAddress(headers: Headers, trustedProxies: number): string | null {
  if (trustedProxies < 1) return null;
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  const candidate = hops[hops.length - trustedProxies];
  if (!candidate) return null;
  return normalizeAddress(candidate);
}

/** IPv4 as is; IPv4-mapped IPv6 as IPv4; other IPv6 cut to its /64, which one household or server usually holds whole. */
export function normalizeAddress(value: string): string | null {
  const address = value.replace(/^\[(.*)\](:\d+)?$/, "$1");
  const version = isIP(address);
  if (version === 4) return address;
  if (version !== 6) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped && isIP(mapped[1]!) === 4) return mapped[1]!;
  return `${expandIPv6(address).slice(0, 4).join(":")}::/64`;
}

function expandIPv6(address: string): string[] {
  const withoutV4 = address.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_m, a, b, c, d) =>
    [((+a << 8) | +b).toString(16), ((+c << 8) | +d).toString(16)].join(":"),
  );
  const [left = "", right] = withoutV4.toLowerCase().split("::");
  const head = left ? left.split(":") : [];
  const tail = right === undefined ? [] : right ? right.split(":") : [];
  const zeros = right === undefined ? [] : Array(8 - head.length - tail.length).fill("0");
  return [...head, ...zeros, ...tail].map((g) => g.replace(/^0+(?=.)/, ""));
}
