import type { JobEvent } from '../../ports/job-events.port.ts';

/** At most this many progress events per second per job leave one Lambda instance. */
export const MAX_PROGRESS_EVENTS_PER_SECOND = 4;

const MIN_INTERVAL_MS = 1000 / MAX_PROGRESS_EVENTS_PER_SECOND;

/** Jobs whose throttle state is kept; the oldest is forgotten first (a warm worker runs many jobs). */
const MAX_TRACKED_JOBS = 1_000;

interface JobState {
  lastSentAt: number;
  held?: JobEvent;
}

/**
 * Thins a job's progress events to a few per second without losing what matters: a progress
 * event inside the interval is held (replacing an older held one), and released ahead of the
 * job's next event of any kind, so a client still sees the latest progress before a
 * stage_complete or the final status, in order. Status, stage and error events always pass.
 */
export class ProgressThrottle {
  readonly #jobs = new Map<string, JobState>();

  /** The events to send now, in order. */
  admit(event: JobEvent, now: number): JobEvent[] {
    const state = this.#stateOf(event.job_id);
    // A task's start or end is one of a handful per job: it passes like a stage event.
    if (event.type === 'progress' && event.task === undefined) {
      if (now - state.lastSentAt >= MIN_INTERVAL_MS) {
        state.lastSentAt = now;
        delete state.held;
        return [event];
      }
      state.held = event;
      return [];
    }
    const out = state.held ? [state.held, event] : [event];
    delete state.held;
    if (event.type === 'status') this.#jobs.delete(event.job_id);
    return out;
  }

  #stateOf(jobId: string): JobState {
    let state = this.#jobs.get(jobId);
    if (state) {
      // Re-insert: Map order then runs from least to most recently used.
      this.#jobs.delete(jobId);
    } else {
      state = { lastSentAt: Number.NEGATIVE_INFINITY };
    }
    this.#jobs.set(jobId, state);
    if (this.#jobs.size > MAX_TRACKED_JOBS) this.#jobs.delete(this.#jobs.keys().next().value as string);
    return state;
  }
}
