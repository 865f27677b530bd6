/**
 * An OpenAI-compatible chat-completions API (`POST /v1/chat/completions`, bearer key, `model` and
 * `messages` in, `choices[0].message.content` out) over the outbound client, provider `llm`: its
 * base URL, limits, retries and timeouts are configuration, so the same adapter reaches OpenAI,
 * any compatible server, or the local cloud's fake. The key goes only into the Authorization
 * header and never into an error message or a log line.
 */
import { z } from 'zod';
import type { Llm, LlmContext, LlmMessage } from '../../ports/llm.port.ts';
import type { OutboundHttp } from '../../ports/outbound-http.port.ts';

export const CHAT_COMPLETIONS_PATH = '/v1/chat/completions';
/** Low: summaries should restate the data, not invent around it. */
const TEMPERATURE = 0.2;
const MAX_ERROR_CHARS = 200;

const replySchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable().optional() }) })).min(1),
});

export class LlmCallError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'LlmCallError';
  }
}

export class ChatCompletionsLlm implements Llm {
  constructor(
    private readonly http: OutboundHttp,
    private readonly settings: { readonly model: string; readonly apiKey?: string },
  ) {}

  async complete(messages: readonly LlmMessage[], context: LlmContext): Promise<string> {
    const response = await this.http.request({
      provider: 'llm',
      operation: 'chat_completion',
      url: CHAT_COMPLETIONS_PATH,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.settings.apiKey ? { authorization: `Bearer ${this.settings.apiKey}` } : {}) },
      body: JSON.stringify({ model: this.settings.model, messages: messages.map((m) => ({ role: m.role, content: m.content })), temperature: TEMPERATURE }),
      workspaceId: context.workspaceId,
      ...(context.jobId ? { jobId: context.jobId } : {}),
    });
    if (response.status !== 200) {
      const detail = errorMessageOf(response.text());
      throw new LlmCallError(`chat completion answered ${response.status}${detail ? `: ${detail}` : ''}`, response.status);
    }
    let parsed;
    try {
      parsed = replySchema.safeParse(response.json());
    } catch {
      throw new LlmCallError('chat completion answered with a body that is not JSON');
    }
    if (!parsed.success) throw new LlmCallError('chat completion answered without choices[0].message');
    return parsed.data.choices[0]?.message.content ?? '';
  }
}

/** The provider's own error message (`{ "error": { "message" } }`), shortened; never the request. */
function errorMessageOf(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } };
    return typeof body.error?.message === 'string' ? body.error.message.slice(0, MAX_ERROR_CHARS) : undefined;
  } catch {
    return undefined;
  }
}
