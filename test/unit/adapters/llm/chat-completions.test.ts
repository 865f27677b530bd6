import { describe, expect, it } from 'vitest';
import { ChatCompletionsLlm, LlmCallError } from '../../../../functions/adapters/llm/chat-completions.outbound.ts';
import type { OutboundHttp, OutboundRequest, OutboundResponse } from '../../../../functions/ports/outbound-http.port.ts';

/** A recording double of the outbound client answering one canned response. */
function answering(status: number, body: string): { http: OutboundHttp; sent: OutboundRequest[] } {
  const sent: OutboundRequest[] = [];
  const http: OutboundHttp = {
    request: async (request) => {
      sent.push(request);
      const bytes = new TextEncoder().encode(body);
      const response: OutboundResponse = { status, headers: {}, url: request.url, body: bytes, attempts: 1, text: () => body, json: () => JSON.parse(body) };
      return response;
    },
  };
  return { http, sent };
}

const CONTEXT = { workspaceId: 'ws-1', jobId: 'job-1' };

describe('ChatCompletionsLlm', () => {
  it('It should post the model and messages to /v1/chat/completions as provider llm, with the key as a bearer token, and read the first choice', async () => {
    const { http, sent } = answering(200, JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content: '1: Mid-market banks.' }, finish_reason: 'stop' }] }));
    const llm = new ChatCompletionsLlm(http, { model: 'test-model', apiKey: 'sk-secret' });
    const reply = await llm.complete([{ role: 'user', content: 'Summarise' }], CONTEXT);
    expect(reply).toBe('1: Mid-market banks.');
    expect(sent[0]).toMatchObject({ provider: 'llm', url: '/v1/chat/completions', method: 'POST', workspaceId: 'ws-1', jobId: 'job-1', headers: { authorization: 'Bearer sk-secret' } });
    expect(JSON.parse(String(sent[0]?.body))).toMatchObject({ model: 'test-model', messages: [{ role: 'user', content: 'Summarise' }] });
  });

  it('It should fail with the provider\'s error message and never the key', async () => {
    const { http } = answering(401, JSON.stringify({ error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } }));
    const llm = new ChatCompletionsLlm(http, { model: 'm', apiKey: 'sk-secret' });
    const error = await llm.complete([{ role: 'user', content: 'x' }], CONTEXT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmCallError);
    expect((error as Error).message).toContain('401: Incorrect API key provided');
    expect((error as Error).message).not.toContain('sk-secret');
  });

  it('It should refuse a 200 without choices', async () => {
    const { http } = answering(200, JSON.stringify({ choices: [] }));
    await expect(new ChatCompletionsLlm(http, { model: 'm' }).complete([{ role: 'user', content: 'x' }], CONTEXT)).rejects.toThrow('without choices');
  });
});
