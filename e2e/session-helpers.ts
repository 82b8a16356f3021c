import { expect, type Browser, type Page } from "@playwright/test";

export const EDITOR = { email: "editor@example.org", password: "editor-password-1" };

export async function signIn(page: Page, account: { email: string; password: string }, next = "/review") {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // A sign-in hashes the password and then renders the page it leads to: on a just-started server of a
  // loaded machine that took over 10 s (3 and 4 December, on SQLite and PostgreSQL), so it gets 30 s.
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible({ timeout: 30_000 });
}

/** A page in its own browser context, so each person has their own session cookie. */
export async function pageAs(browser: Browser, account: { email: string; password: string }, next?: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, account, next);
  return page;
}

/** An editor creates a reviewer account through /editor/users; `run` keeps names unique across runs. */
export async function createReviewerAccount(editor: Page, label: string, run: string) {
  const account = { name: `Reviewer ${label} ${run}`, email: `${label}-${run}@example.org`, password: `${label}-password-1` };
  await editor.goto("/editor/users");
  const form = editor.getByTestId("new-user");
  await form.getByLabel("Name").fill(account.name);
  await form.getByLabel("Email").fill(account.email);
  await form.getByLabel("Role").selectOption("reviewer");
  await form.getByLabel("Initial password").fill(account.password);
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(form.getByRole("status")).toContainText(`Created the reviewer account for ${account.email}`);
  return account;
}
