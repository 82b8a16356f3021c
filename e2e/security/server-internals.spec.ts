// What the production server lets out about itself, as a client sees it: no address, header or page
// that tracks the data version (it rises with every hidden edit), no cache that a made-up query can
// fill, methods that are advertised only where they are accepted, no session data from the auth
// library, and no listening beyond this machine unless HOST says so.
import { networkInterfaces } from "node:os";
import { connect } from "node:net";
import { expect, test } from "@playwright/test";
import { readTestRows } from "../test-database";

const dataKey = async () => (await readTestRows<{ id: string; version: number }>("SELECT database_id AS id, version FROM data_version WHERE id = 1"))[0]!;
const INTERNAL = ["x-middleware-rewrite", "x-nextjs-cache", "x-nextjs-matched-path", "x-matched-path", "x-next-cache-tags"];

test("the dashboard's headers and page, HTML or RSC, name neither the database nor its data version", async ({ request }) => {
  const { id, version } = await dataKey();
  const answers = [
    await request.get("/"),
    await request.get("/?track=un-hrc&category=legal-reform"),
    await request.get("/?_rsc=abc12", { headers: { rsc: "1" } }),
    await request.get("/?track=un-hrc&_rsc=abc13", { headers: { rsc: "1", "next-router-prefetch": "1" } }),
  ];
  for (const answer of answers) {
    expect(answer.status()).toBe(200);
    const headers = answer.headers();
    for (const name of INTERNAL) expect(headers[name], name).toBeUndefined();
    const everything = JSON.stringify(headers) + (await answer.text());
    expect(everything).not.toContain(id);
    expect(everything).not.toContain(`.${version}/`);
    expect(headers["cache-control"]).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=60");
  }
});

test("the same dashboard is the same answer, however the query is spelled, and a made-up filter is not kept", async ({ request }) => {
  const etag = (await request.get("/?track=un-hrc&category=legal-reform")).headers()["etag"];
  expect(etag).toBeTruthy();
  for (const path of ["/?category=legal-reform&track=un-hrc", `/?track=un-hrc&category=legal-reform&x=${Date.now()}`, "/?track=un-hrc&category=legal-reform&track=upr"]) {
    expect((await request.get(path)).headers()["etag"], path).toBe(etag);
  }
  const madeUp = await request.get(`/?track=made-up-${Date.now()}`);
  expect(madeUp.status()).toBe(200);
  expect(madeUp.headers()["cache-control"]).toBe("no-store");
  expect(madeUp.headers()["etag"]).toBeUndefined();
  expect(await madeUp.text()).toContain("Nothing we publish matches these filters");
});

test("OPTIONS and Allow name only methods that are then accepted, on pages, the API, exports and auth", async ({ request }) => {
  const cases: Array<[string, string]> = [
    ["/", "GET, HEAD, POST, OPTIONS"],
    ["/rounds/hrc-37", "GET, HEAD, POST, OPTIONS"],
    ["/api/v1/scores", "GET, HEAD, OPTIONS"],
    ["/exports/scores.csv", "GET, HEAD, OPTIONS"],
    ["/api/v1/assessments", "POST, OPTIONS"],
    ["/api/auth/sign-in/email", "POST, OPTIONS"],
  ];
  for (const [path, allow] of cases) {
    const options = await request.fetch(path, { method: "OPTIONS" });
    expect(options.status(), path).toBe(204);
    expect(options.headers()["allow"], path).toBe(allow);
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
      const response = await request.fetch(path, { method, headers: { origin: new URL(options.url()).origin, "content-type": "application/json" }, data: method === "GET" ? undefined : "{}" });
      if (allow.split(", ").includes(method)) expect(response.status(), `${method} ${path}`).not.toBe(405);
      else {
        expect(response.status(), `${method} ${path}`).toBe(405);
        expect(response.headers()["allow"], `${method} ${path}`).toBe(allow);
      }
    }
  }
  expect((await request.fetch("/api/auth/list-sessions", { method: "OPTIONS" })).status()).toBe(404);
});

test("the auth library's session listing and session reading are not reachable, and auth answers are never stored", async ({ request }) => {
  for (const path of ["/api/auth/list-sessions", "/api/auth/get-session", "/api/auth/ok", "/api/auth/reference"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(response.headers()["cache-control"], path).toBe("private, no-store");
  }
  const signIn = await request.post("/api/auth/sign-in/email", { data: { email: "nobody@example.org", password: "not-a-password" } });
  expect(signIn.status()).toBe(401);
  expect(signIn.headers()["cache-control"]).toBe("private, no-store");
});

test("the read API lets shared caches keep an answer a minute and browsers check back, cheaply by ETag", async ({ request }) => {
  const answer = await request.get("/api/v1/summary");
  expect(answer.headers()["cache-control"]).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=60");
  const etag = answer.headers()["etag"]!;
  expect((await request.get("/api/v1/summary", { headers: { "if-none-match": etag } })).status()).toBe(304);
});

test("the server listens on this machine's loopback address only", async ({ baseURL }) => {
  const port = Number(new URL(baseURL!).port);
  const outside = Object.values(networkInterfaces())
    .flat()
    .find((address) => address && address.family === "IPv4" && !address.internal);
  test.skip(!outside, "this machine has no address beyond loopback");
  const reached = await new Promise<boolean>((resolve) => {
    const socket = connect({ host: outside!.address, port, timeout: 2000 });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
  expect(reached, `port ${port} answered on ${outside!.address}`).toBe(false);
});
