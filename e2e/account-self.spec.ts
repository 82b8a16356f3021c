// Every signed-in person manages their own account at /account: changing the password signs out every
// other browser (this one stays signed in), and ending a session from the list signs that browser out
// at its next click.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createReviewerAccount, EDITOR, pageAs, signIn } from "./session-helpers";

const run = Date.now().toString(36);
test.describe.configure({ timeout: 90_000 });

async function changePassword(page: Page, current: string, next: string, again = next) {
  const form = page.getByTestId("change-password");
  await form.getByLabel("Current password").fill(current);
  await form.getByLabel("New password", { exact: true }).fill(next);
  await form.getByLabel("New password again").fill(again);
  await form.getByRole("button", { name: "Change password" }).click();
  return form;
}

async function expectSignInRefused(page: Page, account: { email: string; password: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
}

test("a reviewer changes their own password: other browsers are signed out, this one stays, and only the new password signs in", async ({ browser }) => {
  const editor = await pageAs(browser, EDITOR, "/editor/users");
  const account = await createReviewerAccount(editor, "changer", run);
  const laptop = await pageAs(browser, account, "/review");
  const phone = await pageAs(browser, account, "/review");

  await laptop.getByRole("link", { name: "Your account" }).click();
  await expect(laptop.getByRole("heading", { name: "Your account", level: 1 })).toBeVisible();
  await expect(laptop.getByRole("link", { name: "Set up or manage two-factor sign-in" })).toHaveAttribute("href", "/account/two-factor");

  let form = await changePassword(laptop, "not-my-password", "a-brand-new-password");
  await expect(form.getByText("That is not your current password.")).toBeVisible();
  form = await changePassword(laptop, account.password, "too-short");
  await expect(form.getByText("The new password needs at least 10 characters.")).toBeVisible();
  form = await changePassword(laptop, account.password, "a-brand-new-password", "a-different-password");
  await expect(form.getByText("The two new passwords differ.")).toBeVisible();
  await expect(phone.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();

  form = await changePassword(laptop, account.password, "a-brand-new-password");
  await expect(form.getByRole("status")).toContainText("Your password is changed. Every other session of your account has ended; this browser stays signed in.");
  await expect(laptop.getByTestId("session-other")).toHaveCount(0);
  await laptop.reload();
  await expect(laptop.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
  await expect(laptop.getByTestId("session-current")).toContainText("this browser");

  await phone.getByRole("link", { name: "Add a statement" }).click();
  await expect(phone).toHaveURL(/\/sign-in\?next=/);
  await expectSignInRefused(phone, account);
  await signIn(phone, { email: account.email, password: "a-brand-new-password" });

  await editor.goto("/editor/audit");
  await expect(editor.getByText(new RegExp(`changed the password of ${account.name}`)).first()).toBeVisible();
});

test("ending a session from the sessions list signs that browser out at its next click", async ({ browser }) => {
  const editor = await pageAs(browser, EDITOR, "/editor/users");
  const account = await createReviewerAccount(editor, "sessions", run);
  // Signed in at /review: on /account the helper's "Sign out" would also match "Sign out everywhere else".
  const laptop = await pageAs(browser, account, "/review");
  const phone = await pageAs(browser, account, "/review");
  const tablet = await pageAs(browser, account, "/review");

  await laptop.goto("/account");
  const current = laptop.getByTestId("session-current");
  await expect(current).toContainText("this browser");
  await expect(current).toContainText(/Chrom\w*( \(headless\))? on (Linux|Windows)/);
  await expect(current).toContainText("Signed in");
  await expect(current).toContainText("not recorded");
  await expect(current.getByRole("button", { name: "End session" })).toHaveCount(0);
  const others = laptop.getByTestId("session-other");
  await expect(others).toHaveCount(2);
  await laptop.screenshot({ path: "test-results/account-page.png", fullPage: true });
  const axe = await new AxeBuilder({ page: laptop }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);

  // This browser is listed first, then the others by newest sign-in: the tablet's first.
  await others.first().getByRole("button", { name: "End session" }).click();
  await expect(others).toHaveCount(1);
  await tablet.getByRole("link", { name: "Add a statement" }).click();
  await expect(tablet).toHaveURL(/\/sign-in\?next=/);
  await phone.getByRole("link", { name: "Add a statement" }).click();
  await expect(phone.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();

  const everywhere = laptop.getByTestId("end-other-sessions");
  await everywhere.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(everywhere.getByRole("status")).toContainText("Signed out everywhere else: 1 other session ended. This browser stays signed in.");
  await expect(others).toHaveCount(0);
  await phone.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Review queue" }).click();
  await expect(phone).toHaveURL(/\/sign-in\?next=/);
  await laptop.reload();
  await expect(laptop.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();

  await editor.goto("/editor/audit");
  await expect(editor.getByText(new RegExp(`ended one of the sessions of ${account.name}`)).first()).toBeVisible();
  await expect(editor.getByText(new RegExp(`signed out every other session of ${account.name}`)).first()).toBeVisible();
});
