import { describe, expect, it } from 'vitest';
import { PushJobEvents, toPushMessage } from '../../../../functions/adapters/apigw/job-events.apigw.ts';
import { MAX_WS_MESSAGE_BYTES } from '../../../../functions/adapters/apigw/push.apigw.ts';
import type { JobSubscriptions } from '../../../../functions/ports/job-subscriptions.port.ts';

const NOW = new Date('2026-01-01T00:00:00.000Z');

function setup(gone: readonly string[] = []) {
  const subscribed = new Set(['c-1', 'c-2']);
  const sent: { connectionId: string; message: Record<string, unknown> }[] = [];
  const subscriptions: JobSubscriptions = {
    subscribe: async () => undefined,
    unsubscribe: async (_ws, _job, connectionId) => void subscribed.delete(connectionId),
    subscribers: async () => [...subscribed],
  };
  const push = {
    send: async (connectionId: string, message: Record<string, unknown>) => {
      if (gone.includes(connectionId)) return false;
      sent.push({ connectionId, message });
      return true;
    },
  };
  const warnings: string[] = [];
  const events = new PushJobEvents(subscriptions, push, { warn: (message) => void warnings.push(message) }, () => NOW);
  return { events, sent, subscribed, warnings };
}

describe('PushJobEvents', () => {
  it('It should push each event, stamped, to every subscriber of the job', async () => {
    // Prepare
    const t = setup();
    // Act
    await t.events.publish('ws-a', { type: 'stage_start', job_id: 'j', stage: 'import' });
    // Assess
    expect(t.sent.map((s) => s.connectionId).sort()).toEqual(['c-1', 'c-2']);
    expect(t.sent[0]?.message).toEqual({ type: 'stage_start', job_id: 'j', stage: 'import', timestamp: NOW.toISOString() });
  });

  it('It should drop the subscription of a connection that answers 410', async () => {
    // Prepare
    const t = setup(['c-2']);
    // Act
    await t.events.publish('ws-a', { type: 'status', job_id: 'j', status: 'processing' });
    // Assess
    expect([...t.subscribed]).toEqual(['c-1']);
  });

  it('It should never throw when delivery fails, only warn', async () => {
    // Prepare
    const t = setup();
    const failing = new PushJobEvents(
      { subscribe: async () => undefined, unsubscribe: async () => undefined, subscribers: async () => Promise.reject(new Error('down')) },
      { send: async () => true },
      { warn: (message) => void t.warnings.push(message) },
    );
    // Act
    await failing.publish('ws-a', { type: 'status', job_id: 'j', status: 'failed' });
    // Assess
    expect(t.warnings).toEqual(['Job event not delivered']);
  });

  it('It should keep a message under the WebSocket frame limit by dropping an oversized result', () => {
    // Prepare
    const huge = { rows: 'x'.repeat(MAX_WS_MESSAGE_BYTES) };
    // Act
    const message = toPushMessage({ type: 'status', job_id: 'j', status: 'completed', result: huge }, NOW);
    // Assess
    expect(message).toEqual({ type: 'status', job_id: 'j', status: 'completed', timestamp: NOW.toISOString(), truncated: true });
  });
});
