// Types for serve.mjs, which stays plain JavaScript so that Next runs outside any TypeScript loader.
import type { IncomingMessage, ServerResponse } from "node:http";

export declare const INTERNAL_RESPONSE_HEADERS: string[];
export declare function withoutInternalHeaders<R extends ServerResponse>(response: R): R;
export declare function privateUnlessRead<R extends ServerResponse>(request: IncomingMessage, response: R): R;
