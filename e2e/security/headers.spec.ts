// The security headers as the browser receives them, and the pages working under them in Chromium:
// no Content-Security-Policy violation on the pages a reader uses, charts that still draw and download,
// embeds that other sites can frame while nothing else can be framed.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { watchCsp } from "./csp";
import { hydrated } from "../hydrated";

const CSP = /^default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors (.+)$/;

test("pages, API answers and exports carry the security headers", async ({ request }) => {
  for (const path of ["/", "/rounds/hrc-37", "/sign-in", "/api/v1/summary", "/exports/scores.csv", "/embed/fulfilment"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    const csp = CSP.exec(headers["content-security-policy"] ?? "");
    expect(csp, `${path}: ${headers["content-security-policy"]}`).not.toBeNull();
    expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
    if (path.startsWith("/embed/")) {
      expect(csp![1]).toBe("*");
      expect(headers["x-frame-options"], path).toBeUndefined();
    } else {
      expect(csp![1], path).toBe("'none'");
      expect(headers["x-frame-options"], path).toBe("DENY");
    }
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["cross-origin-opener-policy"], path).toBe("same-origin");
    expect(headers["permissions-policy"], path).toContain("camera=()");
    // The test server runs on plain HTTP, so telling browsers to insist on HTTPS would lock them out.
    expect(headers["strict-transport-security"], path).toBeUndefined();
    expect(headers["x-powered-by"], path).toBeUndefined();
  }
});

test("static files are served with nosniff too", async ({ page, request }) => {
  await page.goto("/");
  const script = await page.locator("script[src^='/_next/static/']").first().getAttribute("src");
  const response = await request.get(script!);
  expect(response.headers()["content-type"]).toContain("javascript");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
});

test("the API and the exports still answer with their content types and downloads", async ({ request }) => {
  const api = await request.get("/api/v1/scores?pageSize=5");
  expect(api.headers()["content-type"]).toBe("application/json; charset=utf-8");
  expect((await api.json()).data).toHaveLength(5);
  expect((await request.get("/api/v1/openapi.json")).headers()["content-type"]).toContain("application/json");
  const downloads: Array<[string, string, string]> = [
    ["/exports/scores.csv", "text/csv; charset=utf-8", ".csv"],
    ["/exports/benchmarks.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"],
    ["/exports/scorecard.pdf?round=hrc-37", "application/pdf", ".pdf"],
    ["/exports/scorecard-brief.pdf?round=hrc-37", "application/pdf", ".pdf"],
  ];
  for (const [path, type, extension] of downloads) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toBe(type);
    expect(response.headers()["content-disposition"], path).toMatch(new RegExp(`^attachment; filename=".+\\${extension}"$`));
    expect((await response.body()).length, path).toBeGreaterThan(100);
  }
});

test("malformed requests get a 4xx that says what is wrong", async ({ request, baseURL }) => {
  const unknown = await request.get("/api/v1/no-such-endpoint");
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error).toContain("/api/v1/openapi.json");

  const post = await request.post("/api/v1/scores", { data: {} });
  expect(post.status()).toBe(405);
  expect((await post.json()).error).toContain("read-only");

  const badQuery = await request.get("/api/v1/scores?page=abc");
  expect(badQuery.status()).toBe(400);
  expect((await badQuery.json()).problems[0]).toContain("page");

  const badPath = await request.get("/rounds/%E0%A4%A");
  expect(badPath.status()).toBe(400);
  expect(await badPath.text()).toContain("Malformed URL");

  const badExport = await request.get("/exports/scorecard.pdf?size=b5");
  expect(badExport.status()).toBe(400);
  expect(await badExport.text()).toContain("size");

  const action = (data: string, headers: Record<string, string> = {}) =>
    request.post("/editor", { data, headers: { "next-action": "7f00000000000000000000000000000000000000aa", origin: baseURL!, "content-type": "text/plain;charset=UTF-8", ...headers } });
  const garbage = await action("{{{garbage");
  expect(garbage.status()).toBe(400);
  expect(await garbage.text()).toContain("Malformed request");
  const unknownAction = await action("[]");
  expect(unknownAction.status()).toBeGreaterThanOrEqual(400);
  expect(unknownAction.status()).toBeLessThan(500);
  const crossOrigin = await action("[]", { origin: "http://evil.example" });
  expect(crossOrigin.status()).toBe(403);
  const oversized = await action(JSON.stringify(["x".repeat(1024 * 1024)]));
  expect(oversized.status()).toBe(413);
  expect(await oversized.text()).toContain("at most 1 MB");

  const oversizedSignIn = await request.post("/api/auth/sign-in/email", { data: { email: "nobody@example.org", password: "x".repeat(100_000) }, headers: { origin: baseURL! } });
  expect(oversizedSignIn.status()).toBe(413);
});

for (const path of ["/", "/?track=un-hrc&category=legal-reform", "/rounds/hrc-37", "/benchmarks/release-liu-xia", "/people", "/api", "/sign-in", "/embed/fulfilment", "/embed/status-mix"]) {
  test(`${path} runs in Chromium with no Content-Security-Policy violation`, async ({ page }) => {
    const csp = await watchCsp(page);
    await page.goto(path);
    await hydrated(page);
    // Hydrated: the client components (charts, forms) rendered.
    if (path === "/" || path.startsWith("/embed/")) await expect(page.locator(".recharts-surface").first()).toBeVisible();
    expect(await csp.violations()).toEqual([]);
  });
}

test("charts download as SVG and PNG under the policy", async ({ page }) => {
  const csp = await watchCsp(page);
  await page.goto("/");
  const chart = page.getByRole("region", { name: "Fulfilment index per round" });
  await expect(chart.locator(".recharts-line-dot").first()).toBeVisible();
  const [svg] = await Promise.all([page.waitForEvent("download"), chart.getByRole("button", { name: "SVG" }).click()]);
  expect(readFileSync((await svg.path())!, "utf8")).toContain("<svg");
  const [png] = await Promise.all([page.waitForEvent("download"), chart.getByRole("button", { name: "PNG" }).click()]);
  expect([...readFileSync((await png.path())!).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  expect(await csp.violations()).toEqual([]);
});

test("the sign-in form works under the policy and says when the password is wrong", async ({ page }) => {
  const csp = await watchCsp(page);
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(`nobody-${Date.now()}@example.org`);
  await page.getByLabel("Password").fill("not-a-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
  expect(await csp.violations()).toEqual([]);
});
