/**
 * Stops the parts of the cloud in dependency order, whatever order they started in:
 * event sources and gateways still invoke handlers that need the emulators, so they go first.
 */
import type { CloudLog } from './log.ts';

export type Stop = () => Promise<void>;

const LAYERS = ['eventSources', 'gateways', 'environment', 'emulators', 'files'] as const;
export type Layer = (typeof LAYERS)[number];

export interface Shutdown {
  add(layer: Layer, stop: Stop): void;
  run(): Promise<void>;
}

/**
 * Every layer is stopped even when one part fails; the failures are then thrown together,
 * so a part that did not stop (and may still be running) never goes unnoticed.
 */
export const createShutdown = (log: CloudLog): Shutdown => {
  const stops = new Map<Layer, Stop[]>(LAYERS.map((layer) => [layer, []]));
  let running: Promise<void> | undefined;
  const stopLayer = async (layer: Layer): Promise<unknown[]> => {
    const results = await Promise.allSettled((stops.get(layer) ?? []).map((stop) => stop()));
    const failures = results.filter((result) => result.status === 'rejected').map((result) => (result as PromiseRejectedResult).reason);
    for (const failure of failures) log.warn(`part of the local cloud (${layer}) did not stop cleanly`, failure);
    return failures;
  };
  const runAll = async (): Promise<void> => {
    const failures: unknown[] = [];
    for (const layer of LAYERS) failures.push(...(await stopLayer(layer)));
    if (failures.length > 0) throw new AggregateError(failures, `${failures.length} part(s) of the local cloud did not stop cleanly`);
  };
  return {
    add: (layer, stop) => {
      stops.get(layer)?.push(stop);
    },
    run: () => (running ??= runAll()),
  };
};
