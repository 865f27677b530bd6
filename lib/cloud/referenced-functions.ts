import type { Topology } from '../topology.ts';

/**
 * The functions something in the topology points at (a route, an authorizer, a queue, a stream,
 * the search setup, a schedule), in declaration order. A declared but unreferenced function is
 * not deployed; a referenced but undeclared one is a topology error, reported here by name
 * rather than as an undefined deep inside CDK.
 */
export function referencedFunctions(topology: Topology): string[] {
  const referenced = new Set<string>([
    topology.http.authorizer.fn,
    ...topology.http.routes.map((route) => route.fn),
    topology.websocket.authorizer.fn,
    ...topology.websocket.routes.map((route) => route.fn),
    ...Object.values(topology.queues).map((queue) => queue.consumer),
    ...topology.streams.map((stream) => stream.fn),
    topology.searchSetup.fn,
    ...topology.schedules.map((schedule) => schedule.fn),
  ]);
  const undeclared = [...referenced].filter((name) => !Object.hasOwn(topology.functions, name));
  if (undeclared.length > 0) {
    throw new Error(`The topology references functions it does not declare: ${undeclared.join(', ')}`);
  }
  return Object.keys(topology.functions).filter((name) => referenced.has(name));
}
