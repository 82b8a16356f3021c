import { expect, type Browser, type Page } from "@playwright/test";

export const EDITOR = { email: "editor@example.org", password: "editor-password-1" };

export async function signIn(page: Page, account: { email: string; password: string }, next = "/review") {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** A page in its own browser context, so each person has their own session cookie. */
export async function pageAs(browser: Browser, account: { email: string; password: string }, next?: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, account, next);
  return page;
}
