import type { JobEvent, JobEvents } from '../../ports/job-events.port.ts';
import type { JobSubscriptions } from '../../ports/job-subscriptions.port.ts';
import type { Push } from '../../ports/connections.port.ts';
import { ProgressThrottle } from '../../domain/realtime/progress-throttle.ts';
import { MAX_WS_MESSAGE_BYTES } from './push.apigw.ts';

export interface JobEventsLog {
  warn(message: string, ...extra: unknown[]): void;
}

/** What a client receives: the event, stamped, and kept under API Gateway's frame limit. */
export function toPushMessage(event: JobEvent, now: Date): Record<string, unknown> {
  const message: Record<string, unknown> = { ...event, timestamp: now.toISOString() };
  if (Buffer.byteLength(JSON.stringify(message)) <= MAX_WS_MESSAGE_BYTES) return message;
  // Only a result summary or an error text can grow: send the status without it, and say so.
  const { result: _result, error: _error, message: _text, ...rest } = message;
  return { ...rest, truncated: true };
}

/**
 * JobEvents over the WebSocket API: each event goes to the job's subscribers through
 * @connections; a connection that answers 410 loses its subscription. Progress is throttled
 * per job (ProgressThrottle, per Lambda instance). Publishing never fails a job: a delivery
 * problem is logged and the job goes on.
 */
export class PushJobEvents implements JobEvents {
  readonly #throttle = new ProgressThrottle();

  constructor(
    private readonly subscriptions: JobSubscriptions,
    private readonly push: Push,
    private readonly log: JobEventsLog,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async publish(workspaceId: string, event: JobEvent): Promise<void> {
    for (const admitted of this.#throttle.admit(event, this.clock().getTime())) {
      try {
        await this.#deliver(workspaceId, admitted);
      } catch (error) {
        this.log.warn('Job event not delivered', { jobId: event.job_id, type: admitted.type, error });
      }
    }
  }

  async #deliver(workspaceId: string, event: JobEvent): Promise<void> {
    const now = this.clock();
    const connections = await this.subscriptions.subscribers(workspaceId, event.job_id, now);
    if (connections.length === 0) return;
    const message = toPushMessage(event, now);
    await Promise.all(
      connections.map(async (connectionId) => {
        const delivered = await this.push.send(connectionId, message);
        if (!delivered) await this.subscriptions.unsubscribe(workspaceId, event.job_id, connectionId);
      }),
    );
  }
}
