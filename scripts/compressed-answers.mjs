// Public answers compressed once, not per request. Next compresses every answer anew as it sends it,
// the cached dashboard included, and that costs more than reading it from memory. This keeps, in front
// of Next, each cacheable public answer as gzip and brotli bodies with the headers Next sent, under the
// published data's key that was current when it was asked for; a request for the same answer while
// that key is still current is answered from here, in the encoding the client accepts, without Next.
//
// What may be kept is what Next marked `public` with a validator (server/http-cache.ts decides, in
// proxy.ts): status 200, an ETag, no cookie set, and a Vary this cache keys by. Conditional requests
// go to Next, whose proxy answers the 304 (one implementation of the validators). A changed key means
// no entry is served again: the next request goes to Next and its answer is kept under the new key.
// The key is read through a function the app registers (registerPublishedKeyReader in
// server/published-cache.ts) once its public cache is on; until then every request goes to Next.
// Plain JavaScript, as serve.mjs: Next runs outside any TypeScript loader.
import { promisify } from "node:util";
import { brotliCompress, brotliDecompress, constants, gunzip, gzip, inflate } from "node:zlib";

const brotli = promisify(brotliCompress);
const unbrotli = promisify(brotliDecompress);
const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);
const inflateAsync = promisify(inflate);

/** Must match the symbol registerPublishedKeyReader sets (server/published-cache.ts). */
export const PUBLISHED_KEY_READER = Symbol.for("dialogue-scorecard.published-key-reader");

/** Request headers an answer may vary by besides the address (Next's RSC headers, the host links are built on). */
export const KEYED_REQUEST_HEADERS = ["host", "x-forwarded-host", "x-forwarded-proto", "rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url"];
const KEYED_VARY = new Set([...KEYED_REQUEST_HEADERS, "accept-encoding"]);

/** Headers that describe one transfer, not the answer: set anew for each. */
const TRANSFER_HEADERS = new Set(["content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "date"]);

/** Requests that are not plain reads of a shared answer go to Next. */
const PASS_REQUEST_HEADERS = ["if-none-match", "if-modified-since", "range", "authorization"];

/**
 * The encoding to send: brotli, else gzip, else none, as Accept-Encoding allows (q=0 refuses; "*"
 * stands for anything not named).
 */
export function chooseEncoding(acceptEncoding) {
  const weights = new Map();
  for (const part of String(acceptEncoding ?? "").toLowerCase().split(",")) {
    const [name, ...params] = part.trim().split(";");
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    weights.set(name.trim(), q ? Number(q.slice(2)) || 0 : 1);
  }
  const accepts = (name) => (weights.has(name) ? weights.get(name) > 0 : (weights.get("*") ?? 0) > 0);
  if (accepts("br")) return "br";
  if (accepts("gzip")) return "gzip";
  return "identity";
}

function cacheKeyOf(request) {
  const parts = [request.url];
  for (const name of KEYED_REQUEST_HEADERS) parts.push(String(request.headers[name] ?? ""));
  return parts.join("\n");
}

/** Whether an answer, as Next is about to send it, may be kept and served to anyone who asks the same. */
export function isKeepable(statusCode, headers) {
  if (statusCode !== 200) return false;
  const cacheControl = String(headers["cache-control"] ?? "").toLowerCase();
  if (!/(^|,)\s*public\s*(,|$)/.test(cacheControl) || /no-store|private|no-cache/.test(cacheControl)) return false;
  if (!headers.etag || headers["set-cookie"] !== undefined) return false;
  const vary = String(headers.vary ?? "").toLowerCase().split(",").map((v) => v.trim()).filter(Boolean);
  return vary.every((name) => KEYED_VARY.has(name));
}

async function decode(body, encoding) {
  if (encoding === "gzip" || encoding === "x-gzip") return gunzipAsync(body);
  if (encoding === "br") return unbrotli(body);
  if (encoding === "deflate") return inflateAsync(body);
  if (!encoding || encoding === "identity") return body;
  return null;
}

/**
 * The cache. `maxBytes` bounds the bodies kept (least recently served first out); `maxAnswerBytes`
 * the answer (as sent) worth keeping at all: the exports stream far more, and are passed through.
 */
export function createCompressedAnswers({ maxBytes = 64 * 1024 * 1024, maxAnswerBytes = 4 * 1024 * 1024, readKey = () => globalThis[PUBLISHED_KEY_READER]?.() } = {}) {
  /** @type {Map<string, { key: string, statusCode: number, headers: Record<string, string | string[]>, br: Buffer, gzip: Buffer, bytes: number }>} */
  const entries = new Map();
  let bytes = 0;
  const stats = { hits: 0, stored: 0 };

  function remove(cacheKey) {
    const entry = entries.get(cacheKey);
    if (!entry) return;
    entries.delete(cacheKey);
    bytes -= entry.bytes;
  }

  function store(cacheKey, entry) {
    remove(cacheKey);
    if (entry.bytes > maxBytes) return;
    entries.set(cacheKey, entry);
    bytes += entry.bytes;
    for (const [oldest] of entries) {
      if (bytes <= maxBytes) break;
      remove(oldest);
    }
    stats.stored++;
  }

  function send(request, response, entry) {
    const encoding = chooseEncoding(request.headers["accept-encoding"]);
    for (const [name, value] of Object.entries(entry.headers)) response.setHeader(name, value);
    const answer = (body) => {
      if (encoding !== "identity") response.setHeader("Content-Encoding", encoding);
      response.setHeader("Content-Length", body.length);
      response.writeHead(entry.statusCode);
      response.end(request.method === "HEAD" ? undefined : body);
    };
    if (encoding === "identity") {
      // Rare (clients that refuse compression): decoded for each such request.
      gunzipAsync(entry.gzip).then(answer, () => {
        response.statusCode = 500;
        response.end();
      });
    } else answer(encoding === "br" ? entry.br : entry.gzip);
    stats.hits++;
  }

  /** Watches what Next sends for this request, and keeps it if it may be kept. */
  function capture(request, response, cacheKey, key) {
    const chunks = [];
    let size = 0;
    let statusCode = 0;
    // Undefined until the head is written: a body written first (the head then follows implicitly) is taken.
    let keepable;
    const writeHead = response.writeHead;
    response.writeHead = function (code, ...rest) {
      statusCode = code;
      const given = rest.find((arg) => arg && typeof arg === "object");
      const headers = { ...this.getHeaders() };
      if (Array.isArray(given)) for (let i = 0; i < given.length; i += 2) headers[String(given[i]).toLowerCase()] = given[i + 1];
      else if (given) for (const [name, value] of Object.entries(given)) headers[name.toLowerCase()] = value;
      keepable = isKeepable(code, headers) ? headers : null;
      if (!keepable) chunks.length = 0;
      return writeHead.call(this, code, ...rest);
    };
    const take = (chunk, encoding) => {
      if (keepable === null || chunk === undefined || chunk === null || typeof chunk === "function") return;
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8");
      size += buffer.length;
      if (size > maxAnswerBytes) {
        keepable = null;
        chunks.length = 0;
      } else chunks.push(buffer);
    };
    const write = response.write;
    response.write = function (chunk, encoding, ...rest) {
      take(chunk, encoding);
      return write.call(this, chunk, encoding, ...rest);
    };
    const end = response.end;
    response.end = function (chunk, encoding, ...rest) {
      take(chunk, encoding);
      return end.call(this, chunk, encoding, ...rest);
    };
    response.once("finish", () => {
      if (!keepable || request.method !== "GET") return;
      const headers = Object.fromEntries(Object.entries(keepable).filter(([name]) => !TRANSFER_HEADERS.has(name)));
      void compressOnce(Buffer.concat(chunks), String(keepable["content-encoding"] ?? "").toLowerCase())
        .then(async (bodies) => {
          // A key that moved while compressing: the answer may be of the old data; not kept.
          if (!bodies || (await readKey()) !== key) return;
          store(cacheKey, { key, statusCode, headers, ...bodies, bytes: bodies.br.length + bodies.gzip.length });
        })
        .catch(() => {});
    });
  }

  async function compressOnce(sent, encoding) {
    const plain = await decode(sent, encoding);
    if (!plain) return null;
    const [br, gz] = await Promise.all([
      encoding === "br" ? sent : brotli(plain, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: plain.length } }),
      encoding === "gzip" ? sent : gzipAsync(plain, { level: 9 }),
    ]);
    return { br, gzip: gz };
  }

  /**
   * Answers the request from the cache, or passes it to `next` (Next's handler) and keeps the answer
   * if it may be kept.
   */
  async function handle(request, response, next) {
    const method = request.method;
    if ((method !== "GET" && method !== "HEAD") || PASS_REQUEST_HEADERS.some((name) => request.headers[name] !== undefined)) return next();
    let key;
    try {
      key = await readKey();
    } catch {
      key = undefined;
    }
    if (typeof key !== "string") return next();
    const cacheKey = cacheKeyOf(request);
    const entry = entries.get(cacheKey);
    if (entry && entry.key === key) {
      // Most recently served last: the first entries are the first to go.
      entries.delete(cacheKey);
      entries.set(cacheKey, entry);
      return send(request, response, entry);
    }
    if (entry) remove(cacheKey);
    capture(request, response, cacheKey, key);
    return next();
  }

  return { handle, stats, size: () => ({ entries: entries.size, bytes }) };
}
