// The production server's cache of compressed public answers, in front of a stand-in for Next that
// compresses per request as Next does and counts how often it is asked.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { chooseEncoding, createCompressedAnswers, isKeepable } from "./compressed-answers.mjs";

const PAGE = "<!doctype html><p>" + "the dashboard ".repeat(4000) + "</p>";

interface Backend {
  calls: number;
  headers: Record<string, string>;
  status: number;
}

let close: (() => void) | undefined;
afterEach(() => close?.());

async function serve(options: { key: () => string; backend?: Partial<Backend> }) {
  const backend: Backend = {
    calls: 0,
    status: 200,
    headers: { "Cache-Control": "public, max-age=0, s-maxage=60", ETag: 'W/"v1"', Vary: "RSC, Accept-Encoding", "Content-Type": "text/html; charset=utf-8" },
    ...options.backend,
  };
  const answers = createCompressedAnswers({ readKey: async () => options.key() });
  const next = (request: IncomingMessage, response: ServerResponse) => {
    backend.calls++;
    for (const [name, value] of Object.entries(backend.headers)) response.setHeader(name, value);
    response.statusCode = backend.status;
    if (String(request.headers["accept-encoding"] ?? "").includes("gzip")) {
      response.setHeader("Content-Encoding", "gzip");
      // Written in pieces, as a streamed page is.
      const body = gzipSync(PAGE);
      response.write(body.subarray(0, 100));
      response.end(body.subarray(100));
    } else response.end(PAGE);
  };
  const server = createServer((request, response) => void answers.handle(request, response, () => next(request, response)));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  close = () => server.close();
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { backend, answers, base };
}

/** fetch() decodes bodies itself; node's http.get does not, so what was sent can be checked. */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    void import("node:http").then(({ get: httpGet }) =>
      httpGet(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (c: Buffer) => chunks.push(c));
        response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
      }).on("error", reject),
    );
  });
}

/** Compression runs after the answer is sent: wait until the cache holds `entries` answers (or a while, for none). */
async function kept(answers: { size(): { entries: number } }, entries: number): Promise<void> {
  for (let i = 0; i < 100 && answers.size().entries < entries; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  if (entries === 0) await new Promise((resolve) => setTimeout(resolve, 200));
}

describe("cached public answers are compressed once", () => {
  it("asks the app once, then serves brotli, gzip and plain bodies of the same answer with its headers", async () => {
    const { backend, answers, base } = await serve({ key: () => "db.1" });
    const first = await get(`${base}/`, { "accept-encoding": "gzip" });
    expect(first.status).toBe(200);
    await kept(answers, 1);
    const br = await get(`${base}/`, { "accept-encoding": "gzip, deflate, br" });
    const gz = await get(`${base}/`, { "accept-encoding": "gzip" });
    const plain = await get(`${base}/`, { "accept-encoding": "identity" });
    expect(backend.calls).toBe(1);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.body).toString()).toBe(PAGE);
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe(PAGE);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(PAGE);
    for (const answer of [br, gz, plain]) {
      expect(answer.headers.etag).toBe('W/"v1"');
      expect(answer.headers.vary).toBe("RSC, Accept-Encoding");
      expect(answer.headers["cache-control"]).toBe("public, max-age=0, s-maxage=60");
      expect(Number(answer.headers["content-length"])).toBe(answer.body.length);
    }
    // Smaller than what the app sent per request: compressed once, so compressed harder.
    expect(br.body.length).toBeLessThan(first.body.length);
  });

  it("asks the app again once the published data's key has moved, and keeps the new answer", async () => {
    let key = "db.1";
    const { backend, answers, base } = await serve({ key: () => key });
    await get(`${base}/`, { "accept-encoding": "br" });
    await kept(answers, 1);
    await get(`${base}/`, { "accept-encoding": "br" });
    expect(backend.calls).toBe(1);
    key = "db.2";
    await get(`${base}/`, { "accept-encoding": "br" });
    expect(backend.calls).toBe(2);
    await kept(answers, 1);
    await get(`${base}/`, { "accept-encoding": "br" });
    expect(backend.calls).toBe(2);
  });

  it("keeps one answer per address and per RSC header, and a HEAD gets the headers alone", async () => {
    const { backend, answers, base } = await serve({ key: () => "db.1" });
    await get(`${base}/a`);
    await get(`${base}/b`);
    await get(`${base}/a`, { rsc: "1" });
    await kept(answers, 3);
    expect(backend.calls).toBe(3);
    await get(`${base}/a`);
    await get(`${base}/a`, { rsc: "1" });
    expect(backend.calls).toBe(3);
    const head = await new Promise<{ status: number; length: string | undefined }>((resolve) =>
      void import("node:http").then(({ request }) =>
        request(`${base}/b`, { method: "HEAD" }, (response) => {
          response.resume();
          resolve({ status: response.statusCode!, length: response.headers["content-length"] });
        }).end(),
      ),
    );
    expect(head.status).toBe(200);
    expect(Number(head.length)).toBeGreaterThan(0);
    expect(backend.calls).toBe(3);
  });

  it("passes conditional requests to the app, whose proxy decides the 304", async () => {
    const { backend, answers, base } = await serve({ key: () => "db.1" });
    await get(`${base}/`);
    await kept(answers, 1);
    await get(`${base}/`, { "if-none-match": 'W/"v1"' });
    await get(`${base}/`, { "if-modified-since": new Date().toUTCString() });
    expect(backend.calls).toBe(3);
  });

  for (const [what, backend] of [
    ["private", { headers: { "Cache-Control": "private, no-store", ETag: 'W/"v1"' } }],
    ["without a validator", { headers: { "Cache-Control": "public, max-age=0, s-maxage=60" } }],
    ["that sets a cookie", { headers: { "Cache-Control": "public, s-maxage=60", ETag: 'W/"v1"', "Set-Cookie": "a=b" } }],
    ["varying by a header the cache does not key by", { headers: { "Cache-Control": "public, s-maxage=60", ETag: 'W/"v1"', Vary: "Cookie" } }],
    ["a 404", { status: 404 }],
  ] as const) {
    it(`never keeps an answer ${what}`, async () => {
      const { backend: counted, answers, base } = await serve({ key: () => "db.1", backend: backend as Partial<Backend> });
      await get(`${base}/`);
      await kept(answers, 0);
      await get(`${base}/`);
      expect(counted.calls).toBe(2);
    });
  }

  it("passes everything through while the app has registered no key (the public cache off)", async () => {
    const answers = createCompressedAnswers({ readKey: () => undefined });
    let calls = 0;
    const server = createServer(
      (request, response) =>
        void answers.handle(request, response, () => {
        calls++;
        response.writeHead(200, { "Cache-Control": "public, s-maxage=60", ETag: 'W/"v1"' }).end("x");
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    close = () => server.close();
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await get(base);
    await kept(answers, 0);
    await get(base);
    expect(calls).toBe(2);
    expect(answers.size().entries).toBe(0);
  });
});

describe("the encoding sent", () => {
  it("is brotli, then gzip, then none, as Accept-Encoding allows", () => {
    expect(chooseEncoding("gzip, deflate, br")).toBe("br");
    expect(chooseEncoding("gzip")).toBe("gzip");
    expect(chooseEncoding("br;q=0, gzip;q=0.5")).toBe("gzip");
    expect(chooseEncoding("*")).toBe("br");
    expect(chooseEncoding("*;q=0, identity")).toBe("identity");
    expect(chooseEncoding(undefined)).toBe("identity");
  });

  it("an answer is keepable only when public, validated, cookie-free and keyed by what it varies by", () => {
    const base = { "cache-control": "public, max-age=0, s-maxage=60", etag: 'W/"x"', vary: "rsc, next-router-state-tree, Accept-Encoding" };
    expect(isKeepable(200, base)).toBe(true);
    expect(isKeepable(200, { ...base, "cache-control": "public, max-age=31536000, immutable" })).toBe(true);
    expect(isKeepable(304, base)).toBe(false);
    expect(isKeepable(200, { ...base, "cache-control": "no-store" })).toBe(false);
    expect(isKeepable(200, { ...base, vary: "Accept-Language" })).toBe(false);
  });
});
