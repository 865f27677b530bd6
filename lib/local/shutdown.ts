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

export const createShutdown = (log: CloudLog): Shutdown => {
  const stops = new Map<Layer, Stop[]>(LAYERS.map((layer) => [layer, []]));
  let running: Promise<void> | undefined;
  const stopLayer = async (layer: Layer): Promise<void> => {
    const results = await Promise.allSettled((stops.get(layer) ?? []).map((stop) => stop()));
    for (const result of results) {
      if (result.status === 'rejected') log.warn(`part of the local cloud (${layer}) did not stop cleanly`, result.reason);
    }
  };
  return {
    add: (layer, stop) => {
      stops.get(layer)?.push(stop);
    },
    run: () =>
      (running ??= (async () => {
        for (const layer of LAYERS) await stopLayer(layer);
      })()),
  };
};
