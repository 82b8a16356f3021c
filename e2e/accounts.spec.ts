// An editor controls who can get in: a reviewer deactivated while signed in elsewhere is sent to
// sign-in on their next click and refused there with a message until reactivated; a role change
// takes effect on the account's next request; a reset link an editor issued sets a password once.
import { expect, test, type Page } from "@playwright/test";
import { createReviewerAccount, EDITOR, pageAs, signIn } from "./session-helpers";

const run = Date.now().toString(36);
test.describe.configure({ timeout: 90_000 });

async function createReviewer(editor: Page, label: string) {
  const account = await createReviewerAccount(editor, label, run);
  // The new row has its own forms: read the page as the next visit shows it.
  await editor.reload();
  return account;
}

test("a reviewer deactivated while signed in is refused on their next click and at sign-in, until reactivated", async ({ browser }) => {
  const editor = await pageAs(browser, EDITOR, "/editor/users");
  const account = await createReviewer(editor, "leaver");
  const reviewer = await pageAs(browser, account, "/review");

  const row = editor.getByTestId(`account-${account.email}`);
  await row.getByRole("button", { name: `Deactivate ${account.name}` }).click();
  await expect(row.getByRole("status")).toContainText(`Deactivated ${account.name} (${account.email}): 1 session ended`);
  await expect(row).toContainText("Deactivated on");
  await editor.screenshot({ path: "test-results/accounts-users-page.png", fullPage: true });

  await reviewer.getByRole("link", { name: "Add a statement" }).click();
  await expect(reviewer).toHaveURL(/\/sign-in\?next=/);
  await reviewer.getByLabel("Email").fill(account.email);
  await reviewer.getByLabel("Password").fill(account.password);
  await reviewer.getByRole("button", { name: "Sign in" }).click();
  await expect(reviewer.getByText("This account has been deactivated. Ask an editor to reactivate it.")).toBeVisible();
  await expect(reviewer.getByRole("button", { name: "Sign out" })).toHaveCount(0);

  await row.getByRole("button", { name: `Reactivate ${account.name}` }).click();
  await expect(row.getByRole("status")).toContainText(`Reactivated ${account.name}`);
  await signIn(reviewer, account);

  // The audit log names them, with the deactivation and the reactivation.
  await editor.goto("/editor/audit");
  await expect(editor.getByText(/deactivated the account of/).first()).toBeVisible();
  await expect(editor.getByText(/reactivated the account of/).first()).toBeVisible();
});

test("a role change takes effect on the account's next request", async ({ browser }) => {
  const editor = await pageAs(browser, EDITOR, "/editor/users");
  const account = await createReviewer(editor, "promoted");
  const reviewer = await pageAs(browser, account, "/editor/users");
  await expect(reviewer.getByRole("heading", { name: "Editors only" })).toBeVisible();

  const row = editor.getByTestId(`account-${account.email}`);
  await row.getByLabel(`Role of ${account.name}`).selectOption("editor");
  await row.getByRole("button", { name: "Change role" }).click();
  await expect(row.getByRole("status")).toContainText(`${account.name} is now an editor (was reviewer)`);

  await reviewer.reload();
  await expect(reviewer.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  await expect(reviewer.getByRole("link", { name: "Audit log" })).toBeVisible();
});

test("a reset link issued by an editor sets a new password once and signs the account out", async ({ browser }) => {
  const editor = await pageAs(browser, EDITOR, "/editor/users");
  const account = await createReviewer(editor, "forgetful");
  const reviewer = await pageAs(browser, account, "/review");

  const row = editor.getByTestId(`account-${account.email}`);
  await row.getByRole("button", { name: `Reset link for ${account.name}` }).click();
  const status = row.getByRole("status");
  await expect(status).toContainText("it is not shown again");
  const url = /(http\S+\/reset-password\?token=[\w-]+)/.exec((await status.textContent()) ?? "")![1]!;

  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(url);
  await stranger.getByLabel("New password", { exact: true }).fill("a-brand-new-password");
  await stranger.getByLabel("New password again").fill("a-brand-new-password");
  await stranger.getByRole("button", { name: "Set the new password" }).click();
  await expect(stranger.getByRole("status")).toContainText("Your new password is set");

  // Every session ended, the old password no longer works and the new one does.
  await reviewer.getByRole("link", { name: "Add a statement" }).click();
  await expect(reviewer).toHaveURL(/\/sign-in\?next=/);
  await signIn(reviewer, { email: account.email, password: "a-brand-new-password" });

  await stranger.goto(url);
  await stranger.getByLabel("New password", { exact: true }).fill("another-new-password");
  await stranger.getByLabel("New password again").fill("another-new-password");
  await stranger.getByRole("button", { name: "Set the new password" }).click();
  await expect(stranger.getByText("This link has been used or has expired. Ask an editor for a new one.")).toBeVisible();
});
