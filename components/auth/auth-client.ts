"use client";

import { createAuthClient } from "better-auth/react";
import { twoFactorClient } from "better-auth/client/plugins";

/** Talks to /api/auth on the same origin, whichever host name the reader used; the two-factor step of sign-in included. */
export const authClient = createAuthClient({ plugins: [twoFactorClient()] });
