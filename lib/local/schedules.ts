/**
 * EventBridge `rate(...)` schedules from the topology as timers, each tick invoking the
 * function with a scheduled event. A failed tick is logged and not retried (EventBridge's
 * asynchronous invocation would retry twice), and a slow handler does not delay the next tick.
 */
import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';
import type { ScheduleSpec, Topology } from '../topology.ts';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from './aws.ts';
import type { Invoker } from './invoke.ts';
import type { CloudLog } from './log.ts';
import type { Poller } from './pollers/poller.ts';
import { waitAtMost } from './timing.ts';

const STOP_DRAIN_MS = 5_000;

export const scheduleRuleName = (topology: Topology, schedule: ScheduleSpec, index: number): string =>
  `${topology.service}-${schedule.fn}-schedule-${index}`;

export const scheduledEvent = (ruleName: string, time: Date): ScheduledEvent => ({
  version: '0',
  id: randomUUID(),
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: LOCAL_ACCOUNT_ID,
  time: `${time.toISOString().slice(0, 19)}Z`,
  region: LOCAL_REGION,
  resources: [`arn:aws:events:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:rule/${ruleName}`],
  detail: {},
});

export const startSchedules = (opts: { topology: Topology; invoker: Invoker; log: CloudLog }): Poller => {
  const { topology, invoker, log } = opts;
  const running = new Set<Promise<unknown>>();
  const timers = topology.schedules.map((schedule, index) => {
    const rule = scheduleRuleName(topology, schedule, index);
    // Like EventBridge, the first tick comes one period after the rule is created.
    return setInterval(() => {
      const tick = invoker.invoke(schedule.fn, scheduledEvent(rule, new Date()));
      running.add(tick);
      void tick.finally(() => running.delete(tick));
    }, schedule.rate.minutes * 60_000);
  });
  if (timers.length > 0) log.info(`schedules: ${topology.schedules.map((s) => `${s.fn} every ${s.rate.minutes} min`).join(', ')}`);
  return {
    stop: async () => {
      for (const timer of timers) clearInterval(timer);
      await waitAtMost(Promise.allSettled([...running]), STOP_DRAIN_MS);
    },
  };
};
