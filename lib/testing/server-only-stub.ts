// Stands in for the "server-only" package under vitest, where there is no React server bundle.
export {};
