// Two-factor sign-in as a person meets it: enrolling with an authenticator app (the code computed here from
// the key the page shows, as an app would), signing in with a code, a wrong code refused, a backup code
// working once, and an editor requiring it for every account, which sends an un-enrolled reviewer to enrol.
import { expect, test, type Page } from "@playwright/test";
import { totp, wrongTotp } from "../lib/testing/totp";
import { createReviewerAccount, EDITOR, pageAs } from "./session-helpers";

const run = Date.now().toString(36);
test.describe.configure({ timeout: 90_000 });

type Account = { name: string; email: string; password: string };

/** Enrols the signed-in account at /account/two-factor; returns the key the page showed and the backup codes. */
async function enrol(page: Page, account: Account): Promise<{ secret: string; backupCodes: string[] }> {
  await page.goto("/account/two-factor");
  await page.getByTestId("two-factor-start").getByLabel("Your password").fill(account.password);
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  const secret = (await page.getByTestId("two-factor-secret").innerText()).replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32,}$/);

  const confirm = page.getByTestId("two-factor-confirm");
  await confirm.getByLabel(/6-digit code/).fill(wrongTotp(secret));
  await confirm.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(confirm.getByRole("alert")).toContainText("That code is not right");

  await confirm.getByLabel(/6-digit code/).fill(totp(secret));
  await confirm.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  const codes = page.getByTestId("backup-codes");
  await expect(codes).toBeVisible();
  const backupCodes = (await codes.getByRole("listitem").allInnerTexts()).map((c) => c.trim());
  expect(backupCodes).toHaveLength(10);
  return { secret, backupCodes };
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
}

/** The password step; for an account with two-factor sign-in it leads to the code step. */
async function passwordStep(page: Page, account: Account, next = "/review") {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
}

test("TOTP enrolment, then sign-in with a code computed from the secret; a wrong code is refused", async ({ browser }) => {
  const editor = await pageAs(browser, EDITOR, "/editor/users");
  const account = await createReviewerAccount(editor, "totp", run);
  const reviewer = await pageAs(browser, account, "/review");
  const { secret } = await enrol(reviewer, account);
  await reviewer.screenshot({ path: "test-results/two-factor-backup-codes.png", fullPage: true });
  await reviewer.getByRole("link", { name: /continue/ }).click();
  await reviewer.goto("/account/two-factor");
  await expect(reviewer.getByTestId("two-factor-on")).toBeVisible();

  // The users page shows who has it on.
  await editor.reload();
  await expect(editor.getByTestId(`two-factor-${account.email}`)).toContainText("On");
  await expect(editor.getByTestId(`two-factor-${EDITOR.email}`)).toContainText("Off");

  await signOut(reviewer);
  await passwordStep(reviewer, account, "/review");
  await reviewer.getByLabel("Code from your authenticator app").fill(wrongTotp(secret));
  await reviewer.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(reviewer.getByText(/^That code is not right/)).toBeVisible();
  await expect(reviewer.getByRole("button", { name: "Sign out" })).toHaveCount(0);

  await reviewer.getByLabel("Code from your authenticator app").fill(totp(secret));
  await reviewer.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(reviewer).toHaveURL(/\/review$/);
  await expect(reviewer.getByRole("button", { name: "Sign out" })).toBeVisible();

  await editor.goto("/editor/audit");
  await expect(editor.getByText(/turned on two-factor sign-in for/).first()).toBeVisible();
});

test("a backup code signs in once: its second use is refused, another one works", async ({ browser }) => {
  const editor = await pageAs(browser, EDITOR, "/editor/users");
  const account = await createReviewerAccount(editor, "backup", run);
  const reviewer = await pageAs(browser, account, "/review");
  const { backupCodes } = await enrol(reviewer, account);
  await signOut(reviewer);

  const useBackupCode = async (code: string) => {
    await passwordStep(reviewer, account);
    await reviewer.getByRole("button", { name: "Use a backup code instead" }).click();
    await reviewer.getByLabel("Backup code").fill(code);
    await reviewer.getByRole("button", { name: "Verify and sign in" }).click();
  };
  await useBackupCode(backupCodes[0]!);
  await expect(reviewer.getByRole("button", { name: "Sign out" })).toBeVisible();
  await signOut(reviewer);

  await useBackupCode(backupCodes[0]!);
  await expect(reviewer.getByText(/^That backup code is not right, or it was used already/)).toBeVisible();
  await expect(reviewer.getByRole("button", { name: "Sign out" })).toHaveCount(0);

  await reviewer.getByLabel("Backup code").fill(backupCodes[1]!);
  await reviewer.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(reviewer.getByRole("button", { name: "Sign out" })).toBeVisible();
});

// Requiring it applies to every account on the server, so this runs alone, after every other test (the
// "exclusive" project in playwright.config.ts), and by an editor of its own who has enrolled.
test("@exclusive an editor requires two-factor sign-in: an un-enrolled reviewer is sent to enrol and can open nothing else until they have", async ({ browser }) => {
  const editor = await pageAs(browser, EDITOR, "/editor/users");
  const guardian = await createReviewerAccount(editor, "guardian", run);
  await editor.reload();
  const row = editor.getByTestId(`account-${guardian.email}`);
  await row.getByLabel(`Role of ${guardian.name}`).selectOption("editor");
  await row.getByRole("button", { name: "Change role" }).click();
  await expect(row.getByRole("status")).toContainText("is now an editor");
  const reviewerAccount = await createReviewerAccount(editor, "unenrolled", run);

  const admin = await pageAs(browser, guardian, "/editor/users");
  await enrol(admin, guardian);
  await admin.goto("/editor/users");
  const setting = admin.getByTestId("require-two-factor");
  await setting.getByLabel("Require two-factor sign-in for every account").check();
  await setting.getByRole("button", { name: "Save" }).click();
  await expect(setting.getByRole("status")).toContainText("Two-factor sign-in is now required");
  await admin.screenshot({ path: "test-results/two-factor-users-page.png", fullPage: true });

  try {
    const reviewer = await pageAs(browser, reviewerAccount, "/review");
    await expect(reviewer).toHaveURL(/\/account\/two-factor\?next=%2Freview/);
    await expect(reviewer.getByTestId("two-factor-required")).toContainText("Editors require two-factor sign-in for every account");
    await reviewer.getByRole("link", { name: "Add a statement" }).click();
    await expect(reviewer).toHaveURL(/\/account\/two-factor\?next=/);
    await reviewer.screenshot({ path: "test-results/two-factor-enrolment-required.png", fullPage: true });

    await enrol(reviewer, reviewerAccount);
    await reviewer.getByRole("link", { name: /continue/ }).click();
    await expect(reviewer).toHaveURL(/\/review$/);
    await expect(reviewer.getByRole("heading", { level: 1 })).not.toHaveText("Two-factor sign-in");
    // Once required, it cannot be turned off.
    await reviewer.goto("/account/two-factor");
    await expect(reviewer.getByText("so it cannot be turned off here")).toBeVisible();
  } finally {
    await admin.goto("/editor/users");
    await admin.getByTestId("require-two-factor").getByLabel("Require two-factor sign-in for every account").uncheck();
    await admin.getByTestId("require-two-factor").getByRole("button", { name: "Save" }).click();
    await expect(admin.getByTestId("require-two-factor").getByRole("status")).toContainText("now optional");
  }
});
