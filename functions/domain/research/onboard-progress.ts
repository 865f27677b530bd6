/**
 * The seed's progress messages for one onboarding run: a stage starts, each of its tasks starts
 * and completes (or fails), the stage completes. Every task move is also written to the job
 * (`progress`, `current_step`), so `GET /v1/research/{id}` says the same as the WebSocket.
 */
import type { JobRunContext } from '../jobs/runner.ts';
import { RUNNING_STATUSES } from '../jobs/job.ts';

export const ONBOARD_STAGES = {
  research: ['crawl', 'products', 'pricing', 'positioning'],
  customers: ['logo_walls', 'records', 'tickers'],
  enterprise: ['classify'],
  profiles: ['icps', 'personas', 'summaries'],
} as const;
export type OnboardStage = keyof typeof ONBOARD_STAGES;

const TOTAL_TASKS = Object.values(ONBOARD_STAGES).reduce((sum, tasks) => sum + tasks.length, 0);

/** Thrown when the job left its running status (stopped by a user): the run ends quietly. */
export class RunStopped extends Error {}

export class OnboardProgress {
  #completed = 0;
  #failed = 0;

  constructor(private readonly ctx: JobRunContext) {}

  get progress(): number {
    return Math.min(1, (this.#completed + this.#failed) / TOTAL_TASKS);
  }

  async stageStart(stage: OnboardStage, message: string): Promise<void> {
    await this.#publish({ type: 'stage_start', job_id: this.ctx.job.id, stage, message });
  }

  async stageComplete(stage: OnboardStage, message: string): Promise<void> {
    await this.#publish({ type: 'stage_complete', job_id: this.ctx.job.id, stage, message });
  }

  /** Runs one task between its `started` and `completed` (or `failed`) messages. */
  async task<T>(stage: OnboardStage, task: string, work: () => Promise<T>): Promise<T> {
    await this.#move(stage, task, 'started');
    try {
      const value = await work();
      this.#completed += 1;
      await this.#move(stage, task, 'completed');
      return value;
    } catch (error) {
      this.#failed += 1;
      if (!(error instanceof RunStopped)) await this.#move(stage, task, 'failed').catch(() => undefined);
      throw error;
    }
  }

  /** A task that could not be done but does not end the run (a site that did not answer). */
  async taskFailed(stage: OnboardStage, task: string): Promise<void> {
    this.#failed += 1;
    await this.#move(stage, task, 'failed');
  }

  async #move(stage: OnboardStage, task: string, status: 'started' | 'completed' | 'failed'): Promise<void> {
    const { job } = this.ctx;
    const progress = this.progress;
    const reported = await this.ctx.jobs.report(job.workspaceId, job.id, { progress, currentStep: `${stage}: ${task} - ${status}` }, RUNNING_STATUSES);
    if (!reported) throw new RunStopped('the job is no longer running');
    await this.#publish({ type: 'progress', job_id: job.id, stage, task, status, progress, completed: this.#completed, total: TOTAL_TASKS, failed: this.#failed });
  }

  async #publish(event: Parameters<JobRunContext['events']['publish']>[1]): Promise<void> {
    // Progress never fails the job: a delivery problem is the push adapter's to log.
    await this.ctx.events.publish(this.ctx.job.workspaceId, event).catch(() => undefined);
  }
}
