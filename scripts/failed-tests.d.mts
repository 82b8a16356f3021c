// Types for failed-tests.mjs, plain JavaScript because npm test's runners (scripts/test.mjs) run without a TypeScript loader.
export declare function vitestFailures(report: unknown): string[];
export declare function playwrightFailures(report: unknown, options?: { countFlaky?: boolean }): string[];
export declare function reportFailures(heading: string, failures: string[], file: string): void;
