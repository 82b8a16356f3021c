// On the writable server: what a signed-in person can do to their own account through the auth
// library's HTTP surface. Only signing in, signing out and changing the password are offered; a
// password change ends every other session (a thief's stolen cookie stops working) and is audited;
// a sign-in in another encoding than JSON is refused instead of slipping past the per-account limit.
import { expect, test, type Page } from "@playwright/test";
import { E2E_WORKFLOW_DATABASE_PATH, readRows } from "../test-database";
import { EDITOR, pageAs, signIn } from "../session-helpers";

const run = Date.now().toString(36);
const ACCOUNT = { name: "Pat Password", email: `pat-${run}@example.org`, password: "pat-password-12" };
const NEW_PASSWORD = "pat-new-password-34";

test.describe.configure({ mode: "serial" });

test("an editor creates the account used below", async ({ page }) => {
  await signIn(page, EDITOR, "/editor/users");
  const form = page.getByTestId("new-user");
  await form.getByLabel("Name").fill(ACCOUNT.name);
  await form.getByLabel("Email").fill(ACCOUNT.email);
  await form.getByLabel("Role").selectOption("reviewer");
  await form.getByLabel("Initial password").fill(ACCOUNT.password);
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(form.getByRole("status")).toContainText(`Created the reviewer account for ${ACCOUNT.email}`);
});

test("signing in and out through the pages needs no auth endpoint beyond those offered", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const calls: string[] = [];
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith("/api/auth/")) calls.push(`${response.request().method()} ${url.pathname} ${response.status()}`);
  });
  await signIn(page, ACCOUNT);
  await page.goto("/review");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  expect(calls).toEqual(["POST /api/auth/sign-in/email 200"]);
  await context.close();
});

test("a sign-in sent form-encoded or as multipart is refused, so it cannot go past the per-account limit", async ({ request, baseURL }) => {
  const form = await request.post("/api/auth/sign-in/email", { form: { email: ACCOUNT.email, password: ACCOUNT.password }, headers: { origin: baseURL! } });
  expect(form.status()).toBe(415);
  const multipart = await request.post("/api/auth/sign-in/email", { multipart: { email: ACCOUNT.email, password: ACCOUNT.password }, headers: { origin: baseURL! } });
  expect(multipart.status()).toBe(415);
  expect(form.headers()["set-cookie"]).toBeUndefined();
});

test("a reviewer cannot rename themselves through the auth library", async ({ browser }) => {
  const page = await pageAs(browser, ACCOUNT);
  const response = await page.request.post("/api/auth/update-user", { data: { name: "x".repeat(60_000) }, headers: { origin: new URL(page.url()).origin } });
  expect(response.status()).toBe(404);
  expect(await readRows<{ name: string }>(E2E_WORKFLOW_DATABASE_PATH, "SELECT name FROM users WHERE email = ?", ACCOUNT.email)).toEqual([{ name: ACCOUNT.name }]);
  await page.context().close();
});

async function saveScoreStatus(page: Page): Promise<number> {
  const response = await page.request.post("/api/v1/assessments", { data: { round: "hrc-37", benchmark: "release-liu-xia" }, headers: { origin: new URL(page.url()).origin } });
  return response.status();
}

test("a password change ends the other sessions, even when the client asks to keep them, and is audited", async ({ browser }) => {
  // Five sign-ins, each a deliberately slow password hash.
  test.slow();
  const laptop = await pageAs(browser, ACCOUNT);
  const stolen = await pageAs(browser, ACCOUNT);
  // Signed in, the API reads the body and refuses it as incomplete (400), rather than the caller (401).
  expect(await saveScoreStatus(stolen)).toBe(400);

  const change = await laptop.request.post("/api/auth/change-password", {
    data: { currentPassword: ACCOUNT.password, newPassword: NEW_PASSWORD, revokeOtherSessions: false },
    headers: { origin: new URL(laptop.url()).origin },
  });
  expect(change.status()).toBe(200);
  expect(change.headers()["cache-control"]).toBe("private, no-store");

  expect(await saveScoreStatus(stolen)).toBe(401);
  await stolen.goto("/review");
  await expect(stolen).toHaveURL(/\/sign-in\?next=%2Freview/);
  // The session that changed the password carries on, under the new cookie it was given.
  await laptop.goto("/review");
  await expect(laptop.getByRole("button", { name: "Sign out" })).toBeVisible();

  const editor = await pageAs(browser, EDITOR, "/editor/audit");
  await expect(editor.locator("li[data-entry]").filter({ hasText: ACCOUNT.name }).filter({ hasText: "changed the password of" }).first()).toBeVisible();
  for (const page of [laptop, stolen, editor]) await page.context().close();

  const next = await pageAs(browser, { email: ACCOUNT.email, password: NEW_PASSWORD });
  await next.context().close();
});
