// The production server (`npm start` runs it after preparing the database): Next's request handler behind
// Node's HTTP server, so that this file decides where it listens — HOST, 127.0.0.1 unless told otherwise,
// where `next start` would take every interface — which of Next's internal response headers reach
// a client, and that cached public answers are compressed once (compressed-answers.mjs). Plain JavaScript, so that Next runs outside any TypeScript loader.
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";
import { createCompressedAnswers } from "./compressed-answers.mjs";

/**
 * Headers Next adds for its own use that tell a client about the server's internals: where the proxy
 * rewrote a request (the dashboard's cached rendering), and whether an answer came from the cache — a
 * fresh rendering follows every write, hidden edits included, so that alone would show activity. The
 * App Router's client reads none of these (it reads x-nextjs-rewritten-path, which names only the
 * route and the reader's own canonical filters).
 */
export const INTERNAL_RESPONSE_HEADERS = ["x-middleware-rewrite", "x-middleware-redirect", "x-middleware-refresh", "x-middleware-next", "x-nextjs-cache", "x-nextjs-matched-path", "x-matched-path", "x-next-cache-tags"];

/** Removes the internal headers just before the response's headers are written, however they were set. */
export function withoutInternalHeaders(response) {
  const writeHead = response.writeHead;
  response.writeHead = function (statusCode, ...rest) {
    for (const name of INTERNAL_RESPONSE_HEADERS) this.removeHeader(name);
    const headers = rest.find((arg) => arg && typeof arg === "object");
    if (Array.isArray(headers)) {
      const kept = [];
      for (let i = 0; i < headers.length; i += 2) if (!INTERNAL_RESPONSE_HEADERS.includes(String(headers[i]).toLowerCase())) kept.push(headers[i], headers[i + 1]);
      rest[rest.indexOf(headers)] = kept;
    } else if (headers) {
      for (const name of Object.keys(headers)) if (INTERNAL_RESPONSE_HEADERS.includes(name.toLowerCase())) delete headers[name];
    }
    return writeHead.call(this, statusCode, ...rest);
  };
  return response;
}

/**
 * Whatever answers a request other than GET or HEAD — a server action, a form post — is private,
 * no-store, with no validators: an action that redirects gets the target page's headers copied from
 * Next's internal rendering of it, public caching included.
 */
export function privateUnlessRead(request, response) {
  if (request.method === "GET" || request.method === "HEAD") return response;
  const writeHead = response.writeHead;
  response.writeHead = function (statusCode, ...rest) {
    this.setHeader("Cache-Control", "private, no-store");
    for (const name of ["etag", "last-modified"]) this.removeHeader(name);
    const headers = rest.find((arg) => arg && typeof arg === "object");
    if (Array.isArray(headers)) {
      const kept = [];
      for (let i = 0; i < headers.length; i += 2) if (!["cache-control", "etag", "last-modified"].includes(String(headers[i]).toLowerCase())) kept.push(headers[i], headers[i + 1]);
      rest[rest.indexOf(headers)] = kept;
    } else if (headers) {
      rest[rest.indexOf(headers)] = Object.fromEntries(Object.entries(headers).filter(([name]) => !["cache-control", "etag", "last-modified"].includes(name.toLowerCase())));
    }
    return writeHead.call(this, statusCode, ...rest);
  };
  return response;
}

async function serve() {
  // As `next start` does; without it, packages loaded from node_modules (React for the PDF export …) run their development builds.
  process.env.NODE_ENV = "production";
  const { default: next } = await import("next");
  const port = Number(process.env.PORT ?? 3000);
  const hostname = process.env.HOST || "127.0.0.1";
  // No hostname for Next itself, as with `next start`: it would then see its own rewrites (made with
  // NextURL, which spells 127.0.0.1 as localhost) as going to another host and fetch them over HTTP.
  const app = next({ dev: false, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  // Cached public answers are compressed once and served from memory while the published data is
  // unchanged (compressed-answers.mjs); everything else is Next's, compressed by Next as it sends it.
  const answers = createCompressedAnswers();
  const server = createServer((request, response) => answers.handle(request, response, () => handle(request, privateUnlessRead(request, withoutInternalHeaders(response)))));
  // Node closes an idle keep-alive connection after 5 s; a client that sends its next request just then
  // gets a reset. Most clients and reverse proxies keep idle connections for up to a minute, so the
  // server waits longer than they do and is never the one to close a connection in use.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.listen(port, hostname, () => console.log(`Serving on http://${hostname.includes(":") ? `[${hostname}]` : hostname}:${port}`));
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      server.close(() => process.exit(0));
      server.closeIdleConnections();
      setTimeout(() => process.exit(0), 5000).unref();
    });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await serve();
