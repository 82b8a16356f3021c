// Whether an account must enrol in two-factor sign-in before it may do anything else: decided here once, for
// the workspace pages (requirePageUser) and every guarded action and API write (authorize).

/** Where an account enrols, and where it is sent while the editors require two-factor sign-in and it has none. */
export const TWO_FACTOR_ENROLMENT_PATH = "/account/two-factor";

/** What a guarded action or API write answers an account that must enrol first. */
export const ENROL_FIRST_MESSAGE = `Editors require two-factor sign-in for every account: set it up at ${TWO_FACTOR_ENROLMENT_PATH} before anything else. Nothing was saved.`;

/** Wrong codes at sign-in, in a row, after which the account's sign-in by code is locked for TWO_FACTOR_LOCK_SECONDS. */
export const TWO_FACTOR_FAILED_ATTEMPTS = 5;
export const TWO_FACTOR_LOCK_SECONDS = 10 * 60;

export function mustEnrolTwoFactor(account: { twoFactorEnabled: boolean }, settings: { requireTwoFactor: boolean }): boolean {
  return settings.requireTwoFactor && !account.twoFactorEnabled;
}
