// On the writable server: sign-in limits through the real HTTP surface, the signed-in workspace under
// the Content-Security-Policy, and hand-made server action calls by a signed-in editor.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_WORKFLOW_DATABASE_PATH, readCount } from "../test-database";
import { EDITOR, signIn } from "../session-helpers";
import { watchCsp } from "./csp";
import { hydrated } from "../hydrated";

const PER_ACCOUNT = 30; // SIGN_IN_ATTEMPTS_PER_MINUTE in playwright.config.ts
const count = (sql: string) => readCount(E2E_WORKFLOW_DATABASE_PATH, sql);

test("a burst of sign-ins against one account is limited, whatever X-Forwarded-For the client sends", async ({ request, page, baseURL }) => {
  // An account of its own, so the editor the other tests sign in as is never held up.
  const email = `target-${Date.now().toString(36)}@example.org`;
  const statuses: number[] = [];
  for (let i = 0; i < PER_ACCOUNT + 3; i++) {
    const response = await request.post("/api/auth/sign-in/email", {
      data: { email, password: `guess-${i}` },
      headers: { origin: baseURL!, "x-forwarded-for": `198.51.100.${i + 1}`, "x-real-ip": `192.0.2.${i + 1}` },
    });
    statuses.push(response.status());
    if (i === PER_ACCOUNT) {
      expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
      expect((await response.json()).message).toContain("Too many sign-in attempts");
    }
  }
  expect(statuses.slice(0, PER_ACCOUNT).every((s) => s === 401)).toBe(true);
  expect(statuses.slice(PER_ACCOUNT)).toEqual([429, 429, 429]);

  // The sign-in form tells a person what happened.
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("one-more-guess");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#sign-in-error")).toHaveText("Too many attempts. Wait a minute before trying again.");
});

test("the signed-in workspace and its server actions work under the policy", async ({ page }) => {
  const csp = await watchCsp(page);
  await signIn(page, EDITOR, "/editor");
  await hydrated(page);
  for (const path of ["/review", "/editor/reference", "/editor/users", "/editor/audit"]) {
    await page.goto(path);
    await hydrated(page);
  }
  await page.goto("/editor");
  const form = page.getByTestId("new-round");
  await form.getByRole("button", { name: "Add round" }).click();
  await expect(form.getByRole("alert")).toContainText("Nothing was saved");
  expect(await csp.violations()).toEqual([]);
});

test("hand-made server action calls by a signed-in editor get a 4xx or a refusal, and change nothing", async ({ page, baseURL }) => {
  await signIn(page, EDITOR, "/editor");
  const manifest = JSON.parse(readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8")) as { node: Record<string, { exportedName?: string }> };
  const createRound = Object.entries(manifest.node).find(([, v]) => v.exportedName === "createRound")![0];
  const rounds = await count("SELECT COUNT(*) AS n FROM rounds");
  const call = (body: string, headers: Record<string, string> = {}) =>
    page.request.post("/editor", { data: body, headers: { "next-action": createRound, origin: baseURL!, "content-type": "text/plain;charset=UTF-8", ...headers } });

  for (const body of ["{{{garbage", '{"trackSlug":"un-hrc"}', "null"]) {
    const response = await call(body);
    expect(response.status(), body).toBe(400);
    expect(await response.text(), body).toContain("Malformed request");
  }
  const broken = await call("garbage", { "content-type": "multipart/form-data; boundary=xx" });
  expect(broken.status()).toBe(400);
  // Well-formed arguments that are not a form: the action itself refuses them.
  const notAForm = await call('[null, {"trackSlug": "un-hrc", "slug": "hrc-99"}]');
  expect(notAForm.status()).toBe(200);
  expect(await notAForm.text()).toContain("Malformed request: send the form's fields. Nothing was saved.");
  expect((await call("[]", { "next-action": "7f00000000000000000000000000000000000000aa" })).status()).toBeLessThan(500);
  expect(await count("SELECT COUNT(*) AS n FROM rounds")).toBe(rounds);
});
