import type { SearchEngine } from '../engine.ts';

export interface RestRequest {
  readonly method: string;
  readonly path: string;
  readonly params: ReadonlyMap<string, string>;
  readonly query: URLSearchParams;
  /** The parsed JSON body, undefined when the request has none. */
  json(): unknown;
  /** The raw body as text (NDJSON for _bulk). */
  text(): string;
}

export interface RestResponse {
  readonly status: number;
  /** Serialised as JSON; omitted for HEAD. */
  readonly body?: unknown;
}

export type RestHandler = (engine: SearchEngine, req: RestRequest) => RestResponse;

export function ok(body: unknown, status = 200): RestResponse {
  return { status, body };
}

export function param(req: RestRequest, name: string): string {
  const value = req.params.get(name);
  if (value === undefined) throw new Error(`route is missing path parameter [${name}]`);
  return value;
}
