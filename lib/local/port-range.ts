/**
 * The consecutive ports `--port-base n` takes (the gateways and emulators in PORT_ORDER, then
 * one per fake provider), and a probe for a free run of them: whatever spawns `npm start` with
 * `--port-base` (benchmarks, tests) checks the whole run first instead of assuming it is free.
 */
import { createServer } from 'node:net';
import { PORT_ORDER } from './cli-options.ts';
import { FAKE_PROVIDERS } from './fakes/fakes.ts';
import { LOOPBACK } from './net.ts';

/** How many consecutive ports `--port-base` uses. */
export const PORT_BASE_SPAN = PORT_ORDER.length + FAKE_PROVIDERS.length;

/** Random bases are drawn below the usual ephemeral range (32768+ on Linux), above well-known ports. */
const LOWEST_BASE = 20_000;
const BASE_RANGE = 12_000;
const MAX_ATTEMPTS = 200;

const portFree = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, LOOPBACK, () => probe.close(() => resolve(true)));
  });

/**
 * A base whose `PORT_BASE_SPAN` ports were all free when probed. Another process can still take
 * one before the caller binds it; the start then fails and names the port.
 */
export const findFreePortBase = async (span = PORT_BASE_SPAN): Promise<number> => {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const base = LOWEST_BASE + Math.floor(Math.random() * BASE_RANGE);
    const free = await Promise.all(Array.from({ length: span }, (_, offset) => portFree(base + offset)));
    if (free.every(Boolean)) return base;
  }
  throw new Error(`no ${span} consecutive free loopback ports found after ${MAX_ATTEMPTS} tries`);
};
