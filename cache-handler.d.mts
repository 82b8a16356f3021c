// Types for cache-handler.mjs, which stays plain JavaScript because Next loads it outside its bundles.
export declare const PUBLISHED_KEY_HEADER: string;

export default class PublishedPageCache {
  constructor(context: Record<string, unknown>);
  get(key: string, context: Record<string, unknown>): Promise<{ value: unknown } | null>;
  set(key: string, data: unknown, context: Record<string, unknown>): Promise<void>;
}
