// Types for compressed-answers.mjs (plain JavaScript, loaded by serve.mjs outside any TypeScript loader).
import type { IncomingMessage, ServerResponse } from "node:http";

export declare const PUBLISHED_KEY_READER: unique symbol;
export declare const KEYED_REQUEST_HEADERS: string[];
export declare function chooseEncoding(acceptEncoding: string | string[] | undefined): "br" | "gzip" | "identity";
export declare function isKeepable(statusCode: number, headers: Record<string, unknown>): boolean;
export declare function createCompressedAnswers(options?: { maxBytes?: number; maxAnswerBytes?: number; readKey?: () => unknown }): {
  handle(request: IncomingMessage, response: ServerResponse, next: () => unknown): Promise<unknown>;
  stats: { hits: number; stored: number };
  size(): { entries: number; bytes: number };
};
