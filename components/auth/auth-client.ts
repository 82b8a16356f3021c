"use client";

import { createAuthClient } from "better-auth/react";

/** Talks to /api/auth on the same origin, whichever host name the reader used. */
export const authClient = createAuthClient();
