/**
 * HTTP API route selection: `METHOD /path/{param}/{proxy+}`, most specific match first, as
 * API Gateway documents it (literal segments beat variables, which beat a greedy variable).
 */
import type { HttpRoute } from '../../topology.ts';

type Segment = { kind: 'literal'; value: string } | { kind: 'param'; name: string } | { kind: 'greedy'; name: string };

interface CompiledRoute {
  route: HttpRoute;
  routeKey: string;
  segments: Segment[];
}

export interface RouteMatch {
  route: HttpRoute;
  routeKey: string;
  pathParameters: Record<string, string>;
}

const parseSegment = (raw: string): Segment => {
  const variable = /^\{([^}]+?)(\+?)\}$/.exec(raw);
  if (variable === null) return { kind: 'literal', value: raw };
  const name = variable[1] ?? '';
  return variable[2] === '+' ? { kind: 'greedy', name } : { kind: 'param', name };
};

const decode = (value: string): string => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/** Ranks a segment so that comparing two routes segment by segment finds the more specific. */
const RANK: Record<Segment['kind'], number> = { literal: 0, param: 1, greedy: 2 };

const compareSpecificity = (a: CompiledRoute, b: CompiledRoute): number => {
  const length = Math.max(a.segments.length, b.segments.length);
  for (let index = 0; index < length; index += 1) {
    const left = a.segments[index];
    const right = b.segments[index];
    if (left === undefined || right === undefined) return left === undefined ? 1 : -1;
    const difference = RANK[left.kind] - RANK[right.kind];
    if (difference !== 0) return difference;
  }
  return 0;
};

const matchSegments = (segments: Segment[], parts: string[]): Record<string, string> | undefined => {
  const params: Record<string, string> = {};
  for (const [index, segment] of segments.entries()) {
    if (segment.kind === 'greedy') {
      const rest = parts.slice(index);
      if (rest.length === 0 || rest.every((part) => part === '')) return undefined;
      params[segment.name] = decode(rest.join('/'));
      return params;
    }
    const part = parts[index];
    if (part === undefined) return undefined;
    if (segment.kind === 'literal' && segment.value !== part) return undefined;
    if (segment.kind === 'param') {
      if (part === '') return undefined;
      params[segment.name] = decode(part);
    }
  }
  return segments.length === parts.length ? params : undefined;
};

export const compileRoutes = (routes: readonly HttpRoute[]): ((method: string, rawPath: string) => RouteMatch | undefined) => {
  const compiled: CompiledRoute[] = routes
    .map((route) => ({ route, routeKey: `${route.method} ${route.path}`, segments: route.path.split('/').slice(1).map(parseSegment) }))
    .sort(compareSpecificity);
  return (method, rawPath) => {
    // API Gateway routes `/docs/` as `/docs`: one trailing slash is not a path segment of its own.
    const path = rawPath.length > 1 && rawPath.endsWith('/') ? rawPath.slice(0, -1) : rawPath;
    const parts = path.split('/').slice(1);
    for (const candidate of compiled) {
      if (candidate.route.method !== method) continue;
      const pathParameters = matchSegments(candidate.segments, parts);
      if (pathParameters !== undefined) return { route: candidate.route, routeKey: candidate.routeKey, pathParameters };
    }
    return undefined;
  };
};
