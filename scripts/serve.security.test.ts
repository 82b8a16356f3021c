// The production server takes Next's internal headers off every response, however Next set them.
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { INTERNAL_RESPONSE_HEADERS, privateUnlessRead, withoutInternalHeaders } from "./serve.mjs";

async function served(write: (response: ServerResponse) => void): Promise<Headers> {
  const server = createServer((_request, response) => write(withoutInternalHeaders(response)));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return (await fetch(`http://127.0.0.1:${port}/`)).headers;
  } finally {
    server.close();
  }
}

describe("the production server's responses", () => {
  it("never carry the rewrite target or the cache status, set one by one, in writeHead or as a raw list", async () => {
    const leaks = { "x-middleware-rewrite": "/published/dashboard/-", "X-NextJS-Cache": "MISS" };
    const answers = [
      await served((r) => {
        for (const [name, value] of Object.entries(leaks)) r.setHeader(name, value);
        r.setHeader("etag", '"abc"');
        r.end("ok");
      }),
      await served((r) => r.writeHead(200, { ...leaks, etag: '"abc"' }).end("ok")),
      await served((r) => r.writeHead(200, "OK", [...Object.entries(leaks).flat(), "etag", '"abc"']).end("ok")),
    ];
    for (const headers of answers) {
      for (const name of INTERNAL_RESPONSE_HEADERS) expect(headers.get(name), name).toBeNull();
      expect(headers.get("etag")).toBe('"abc"');
    }
  });
});

describe("an answer to anything but GET or HEAD", () => {
  async function answer(method: string, write: (response: ServerResponse) => void): Promise<Headers> {
    const server = createServer((request, response) => write(privateUnlessRead(request, withoutInternalHeaders(response))));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      return (await fetch(`http://127.0.0.1:${port}/`, { method })).headers;
    } finally {
      server.close();
    }
  }
  const publicHeaders = { "Cache-Control": "public, max-age=0, s-maxage=60", ETag: 'W/"abc"', "Last-Modified": "Tue, 01 Dec 2026 00:00:00 GMT" };

  it("is private, no-store without validators, however the headers were set (a redirecting action copies its target's)", async () => {
    for (const write of [
      (r: ServerResponse) => {
        for (const [name, value] of Object.entries(publicHeaders)) r.setHeader(name, value);
        r.end("ok");
      },
      (r: ServerResponse) => r.writeHead(200, publicHeaders).end("ok"),
      (r: ServerResponse) => r.writeHead(200, "OK", Object.entries(publicHeaders).flat()).end("ok"),
    ]) {
      const headers = await answer("POST", write);
      expect(headers.get("cache-control")).toBe("private, no-store");
      expect(headers.get("etag")).toBeNull();
      expect(headers.get("last-modified")).toBeNull();
    }
  });

  it("leaves a GET's caching as the app set it", async () => {
    const headers = await answer("GET", (r) => r.writeHead(200, publicHeaders).end("ok"));
    expect(headers.get("cache-control")).toBe(publicHeaders["Cache-Control"]);
    expect(headers.get("etag")).toBe(publicHeaders.ETag);
  });
});
