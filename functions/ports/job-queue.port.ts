/** Where job runs are queued (the `jobs` SQS queue), and how a worker paces its own message. */
export interface JobQueue {
  /** Queues one run of the job; the worker finds everything else in the job itself. */
  enqueue(workspaceId: string, jobId: string): Promise<void>;
  /** Makes a received message visible again after `seconds` (0: at once). */
  setVisibility(receiptHandle: string, seconds: number): Promise<void>;
}
