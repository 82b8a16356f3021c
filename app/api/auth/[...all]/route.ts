import { handleAuthRequest } from "@/server/auth/auth-route";

// Resolved per request so the build never opens the database.
export const GET = handleAuthRequest;
export const POST = handleAuthRequest;
export const PUT = handleAuthRequest;
export const PATCH = handleAuthRequest;
export const DELETE = handleAuthRequest;
export const OPTIONS = handleAuthRequest;
