import { describe, expect, it } from 'vitest';
import { MAX_PROGRESS_EVENTS_PER_SECOND, ProgressThrottle } from '../../../../functions/domain/realtime/progress-throttle.ts';
import type { JobEvent } from '../../../../functions/ports/job-events.port.ts';

const progress = (jobId: string, completed: number): JobEvent => ({ type: 'progress', job_id: jobId, stage: 'import', completed, failed: 0, progress: completed / 100 });

describe('ProgressThrottle', () => {
  it('It should let at most a few progress events per second through for one job', () => {
    // Prepare
    const throttle = new ProgressThrottle();
    // Act: 100 events over one second
    const sent = Array.from({ length: 100 }, (_, i) => throttle.admit(progress('j', i), i * 10)).flat();
    // Assess
    expect(sent.length).toBeLessThanOrEqual(MAX_PROGRESS_EVENTS_PER_SECOND);
    expect(sent.length).toBeGreaterThanOrEqual(MAX_PROGRESS_EVENTS_PER_SECOND - 1);
  });

  it('It should throttle each job on its own', () => {
    const throttle = new ProgressThrottle();
    expect(throttle.admit(progress('a', 1), 0)).toHaveLength(1);
    expect(throttle.admit(progress('b', 1), 1)).toHaveLength(1);
    expect(throttle.admit(progress('a', 2), 2)).toHaveLength(0);
  });

  it('It should never hold back status, stage or error events, and release the latest held progress before them', () => {
    // Prepare
    const throttle = new ProgressThrottle();
    throttle.admit(progress('j', 1), 0);
    throttle.admit(progress('j', 2), 10);
    throttle.admit(progress('j', 3), 20);
    // Act
    const out = throttle.admit({ type: 'stage_complete', job_id: 'j', stage: 'import' }, 30);
    const error = throttle.admit({ type: 'error', job_id: 'j', code: 'ERR_X', message: 'x' }, 31);
    const final = throttle.admit({ type: 'status', job_id: 'j', status: 'completed' }, 32);
    // Assess
    expect(out).toEqual([progress('j', 3), { type: 'stage_complete', job_id: 'j', stage: 'import' }]);
    expect(error).toHaveLength(1);
    expect(final).toEqual([{ type: 'status', job_id: 'j', status: 'completed' }]);
  });

  it('It should pass every task start and end, releasing the held progress before it', () => {
    const throttle = new ProgressThrottle();
    const task = (n: number, status: 'started' | 'completed'): JobEvent => ({ type: 'progress', job_id: 'j', stage: 'research', task: `t${n}`, status, completed: n, total: 10, failed: 0, progress: n / 10 });
    expect(throttle.admit(progress('j', 1), 0)).toHaveLength(1);
    expect(throttle.admit(progress('j', 2), 1)).toHaveLength(0);
    expect(throttle.admit(task(1, 'started'), 2)).toEqual([progress('j', 2), task(1, 'started')]);
    expect(throttle.admit(task(1, 'completed'), 3)).toEqual([task(1, 'completed')]);
  });
});
