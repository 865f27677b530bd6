import { z } from 'zod';

/** Client → server messages; API Gateway routes on `action`, and everything lands here for now. */
export const clientMessageSchema = z.object({ action: z.string().max(64) }).loose();

export type ServerMessage =
  | { type: 'pong'; time: string }
  | { type: 'error'; code: 'ERR_VALIDATION' | 'ERR_UNKNOWN_ACTION'; message: string };

/** Answers a client message; unknown actions get an error message, never silence. */
export function answer(raw: string | undefined, now: Date): ServerMessage {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw ?? '');
  } catch {
    return { type: 'error', code: 'ERR_VALIDATION', message: 'Messages must be JSON objects with an "action"' };
  }
  const message = clientMessageSchema.safeParse(parsed);
  if (!message.success) return { type: 'error', code: 'ERR_VALIDATION', message: 'Messages need a string "action"' };
  if (message.data.action === 'ping') return { type: 'pong', time: now.toISOString() };
  return { type: 'error', code: 'ERR_UNKNOWN_ACTION', message: `Unknown action: ${message.data.action.slice(0, 64)}` };
}
