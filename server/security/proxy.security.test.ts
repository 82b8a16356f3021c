// proxy.ts called directly, as Next calls it before every page, route and server action.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { proxy } from "@/proxy";
import { EXPORT_LOCALE_HEADER } from "@/lib/i18n/locales";
import { CLIENT_ADDRESS_HEADER } from "@/server/auth/client-address";
import { BODY_LIMITS } from "./request-limits";

const ORIGIN = "http://127.0.0.1:3000";

// A public GET reads the published data's key for its validators (server/http-cache.ts).
vi.hoisted(() => {
  process.env.DATABASE_PATH = `${process.env.TMPDIR ?? "/tmp"}/proxy-test-${process.pid}-${Date.now()}.db`;
});

beforeAll(async () => {
  const { prepareDatabase } = await import("@/db/prepare");
  await prepareDatabase(process.env.DATABASE_PATH!);
});

function request(path: string, init: { method?: string; headers?: Record<string, string>; body?: BodyInit | ReadableStream } = {}) {
  const headers = { host: "127.0.0.1:3000", ...init.headers };
  // duplex: "half" lets a stream be a request body in Node.
  return new NextRequest(`${ORIGIN}${path}`, { method: init.method ?? "GET", headers, body: init.body, duplex: "half" } as ConstructorParameters<typeof NextRequest>[1]);
}

/** A body sent in chunks with no Content-Length, as `Transfer-Encoding: chunked` would. */
function chunked(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const size = Math.min(64 * 1024, bytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(97));
    },
  });
}

const action = (path: string, body: BodyInit | ReadableStream, headers: Record<string, string> = {}) =>
  proxy(request(path, { method: "POST", body, headers: { "next-action": "7f00000000000000000000000000000000000000aa", origin: ORIGIN, "content-type": "text/plain;charset=UTF-8", ...headers } }));

/** Let through to the page: as it is, or (an English page or embed at its bare address) to the same page under /en/. */
function passes(response: Response) {
  const rewrite = response.headers.get("x-middleware-rewrite");
  if (rewrite) expect(new URL(rewrite).pathname).toMatch(/^(\/embed)?\/en(\/|$)/);
  else expect(response.headers.get("x-middleware-next")).toBe("1");
}

describe("the proxy lets ordinary requests through with the security headers", () => {
  it("on a page: a CSP without eval that forbids framing", async () => {
    const response = await proxy(request("/rounds/hrc-37"));
    passes(response);
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("content-security-policy")).not.toContain("unsafe-eval");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
  });

  it("on an embed: framing allowed, no X-Frame-Options", async () => {
    const response = await proxy(request("/embed/fulfilment"));
    passes(response);
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors *");
    expect(response.headers.get("x-frame-options")).toBeNull();
  });

  it("a well-formed server action, as JSON arguments or as a form", async () => {
    passes(await action("/editor", '["$K1"]'));
    const form = new FormData();
    form.append("1_name", "Test");
    form.append("0", '["$K1"]');
    const encoded = new Request("http://x/", { method: "POST", body: form });
    passes(await action("/editor", await encoded.arrayBuffer(), { "content-type": encoded.headers.get("content-type")! }));
  });

  it("a CSV upload of 5 MB to the import form", async () => {
    passes(await action("/editor/import", JSON.stringify(["x".repeat(5 * 1024 * 1024)])));
  });

  it("and removes a client-sent trusted-address header before anything reads it", async () => {
    const response = await proxy(request("/review", { headers: { [CLIENT_ADDRESS_HEADER]: "203.0.113.7", accept: "text/html" } }));
    passes(response);
    // Next replaces the request's headers with exactly the listed ones.
    const kept = response.headers.get("x-middleware-override-headers")!.split(",");
    expect(kept).toContain("accept");
    expect(kept).not.toContain(CLIENT_ADDRESS_HEADER);
    expect(response.headers.get(`x-middleware-request-${CLIENT_ADDRESS_HEADER}`)).toBeNull();
  });
});

describe("the proxy serves the Chinese exports and embeds at their /zh/ addresses", () => {
  const rewrittenTo = (response: Response) => new URL(response.headers.get("x-middleware-rewrite")!);

  it("/zh/exports/<file> is the export, told Chinese by a header only the proxy sets, with the export's caching", async () => {
    const response = await proxy(request("/zh/exports/scorecard.pdf?round=hrc-37"));
    const url = rewrittenTo(response);
    expect(url.pathname + url.search).toBe("/exports/scorecard.pdf?round=hrc-37");
    expect(response.headers.get(`x-middleware-request-${EXPORT_LOCALE_HEADER}`)).toBe("zh");
    expect(response.headers.get("cache-control")).toMatch(/^public, /);
    expect(response.headers.get("etag")).toBeTruthy();
    const english = await proxy(request("/exports/scorecard.pdf?round=hrc-37"));
    expect(response.headers.get("etag")).not.toBe(english.headers.get("etag"));
  });

  it("drops a client-sent export-locale header, so no English address answers in Chinese", async () => {
    const response = await proxy(request("/exports/scorecard.pdf", { headers: { [EXPORT_LOCALE_HEADER]: "zh", accept: "application/pdf" } }));
    expect(response.headers.get(`x-middleware-request-${EXPORT_LOCALE_HEADER}`)).toBeNull();
    expect(response.headers.get("x-middleware-override-headers")!.split(",")).not.toContain(EXPORT_LOCALE_HEADER);
  });

  it("an embed is served under its locale: /zh/embed/… and ?lang=zh in Chinese, the bare address in English; the locale segment is no address", async () => {
    expect(rewrittenTo(await proxy(request("/zh/embed/fulfilment?track=un-hrc"))).pathname).toBe("/embed/zh/fulfilment");
    const asked = rewrittenTo(await proxy(request("/embed/status-mix?track=un-hrc&lang=zh")));
    expect(asked.pathname + asked.search).toBe("/embed/zh/status-mix?track=un-hrc");
    expect(rewrittenTo(await proxy(request("/embed/status-mix"))).pathname).toBe("/embed/en/status-mix");
    expect(rewrittenTo(await proxy(request("/embed/zh/status-mix"))).pathname).toBe("/embed/none/none");
    const framed = await proxy(request("/zh/embed/fulfilment"));
    expect(framed.headers.get("x-frame-options")).toBeNull();
    expect(framed.headers.get("content-security-policy")).toContain("frame-ancestors *");
  });
});

describe("the proxy refuses malformed and oversized requests with a 4xx that says why", () => {
  it("a path whose %-escapes are not UTF-8 (Next would answer 500 on a dynamic route)", async () => {
    for (const path of ["/rounds/%E0%A4%A", "/api/auth/%FF"]) {
      const response = await proxy(request(path));
      expect(response.status, path).toBe(400);
      expect(await response.text()).toContain("Malformed URL");
      expect(response.headers.get("content-security-policy")).toBeTruthy();
    }
  });

  it("a server action whose body is not JSON arguments, or a broken form", async () => {
    for (const body of ["{{{garbage", '{"a":1}', '"text"', "null", "\xff\xfe"]) {
      const response = await action("/editor", body);
      expect(response.status, body).toBe(400);
      expect(await response.text()).toMatch(/^Malformed request: the action's arguments are not a JSON array/);
    }
    const broken = await action("/editor", "garbage", { "content-type": "multipart/form-data; boundary=xx" });
    expect(broken.status).toBe(400);
    expect(await broken.text()).toMatch(/form data could not be read/);
  });

  it("a server action from another origin: 403, not Next's 500", async () => {
    for (const origin of ["http://evil.example", "null", "not a url"]) {
      const response = await action("/editor", "[]", { origin });
      expect(response.status, origin).toBe(403);
      expect(await response.text()).toContain("Cross-origin request refused");
    }
    const form = await proxy(request("/editor", { method: "POST", body: "a=1", headers: { origin: "http://evil.example", "content-type": "application/x-www-form-urlencoded" } }));
    expect(form.status).toBe(403);
  });

  it("a body over the limit, whether Content-Length declares it or it arrives in chunks", async () => {
    const big = "x".repeat(BODY_LIMITS.standard + 1);
    for (const response of [await action("/editor", JSON.stringify([big])), await action("/editor", chunked(BODY_LIMITS.standard + 1))]) {
      expect(response.status).toBe(413);
      expect(await response.text()).toContain("at most 1 MB");
    }
    const upload = await action("/editor/import", chunked(BODY_LIMITS.import + 1));
    expect(upload.status).toBe(413);
    expect(await upload.text()).toContain("at most 6 MB");
    const declared = await proxy(request("/api/v1/assessments", { method: "POST", body: "{}", headers: { "content-length": String(BODY_LIMITS.standard + 1), "content-type": "application/json" } }));
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({ error: expect.stringContaining("at most 1 MB") });
  });
});
