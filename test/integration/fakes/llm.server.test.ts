import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLog } from '../../../lib/local/log.ts';
import { startFakes } from '../../../lib/local/fakes/start-fakes.ts';
import { FAKE_LLM_API_KEY, FAKE_LLM_MODELS, fakeLlm } from '../../../lib/local/fakes/llm/index.ts';

const stops: (() => Promise<void>)[] = [];
let base = '';

beforeAll(async () => {
  const started = await startFakes({ providers: [fakeLlm], portBase: 0, seed: 'llm-integration', knobs: {}, providerUrls: {}, allowHosts: [] }, (stop) => stops.push(stop), createLog(true));
  base = started.env.PROVIDER_LLM_BASE_URL!;
});
afterAll(async () => {
  await Promise.all(stops.map((stop) => stop()));
});

const chat = async (body: unknown, key: string | null = FAKE_LLM_API_KEY, path = '/v1/chat/completions') => {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key) headers.authorization = `Bearer ${key}`;
  const response = await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
};

const persona = { title: 'Head of RevOps', seniority: 'Director', department: 'Sales', pains: ['manual CRM hygiene'] };
const ask = { model: 'gpt-4o-mini', messages: [{ role: 'system', content: 'Write a persona summary.' }, { role: 'user', content: `Persona data: ${JSON.stringify(persona)}` }] };

describe('the fake OpenAI-compatible LLM through fetch', () => {
  it('It should refuse a missing or wrong key with OpenAI’s 401 error body', async () => {
    const missing = await chat(ask, null);
    const wrong = await chat(ask, 'sk-wrong');

    expect(missing.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_api_key' });
  });

  it('It should list its models', async () => {
    const response = await fetch(`${base}/v1/models`, { headers: { authorization: `Bearer ${FAKE_LLM_API_KEY}` } });
    const body = (await response.json()) as any;

    expect(body.object).toBe('list');
    expect(body.data.map((model: { id: string }) => model.id)).toEqual([...FAKE_LLM_MODELS]);
  });

  it('It should answer a chat completion whose content comes from the data sent, with usage', async () => {
    const answer = await chat(ask);
    const again = await chat(ask, FAKE_LLM_API_KEY, '/chat/completions');
    const content = answer.body.choices[0].message.content as string;

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ object: 'chat.completion', model: 'gpt-4o-mini', choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant' } }] });
    for (const value of ['Head of RevOps', 'Director', 'Sales', 'manual CRM hygiene']) expect(content).toContain(value);
    expect(again.body.choices[0].message.content).toBe(content);
    expect(answer.body.usage.total_tokens).toBe(answer.body.usage.prompt_tokens + answer.body.usage.completion_tokens);
  });

  it('It should refuse an unknown model and a body without messages, naming the parameter', async () => {
    const unknown = await chat({ ...ask, model: 'gpt-nope' });
    const empty = await chat({ model: 'gpt-4o-mini', messages: [] });

    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'model_not_found', param: 'model' } } });
    expect(empty).toMatchObject({ status: 400, body: { error: { param: 'messages' } } });
  });

  it('It should answer 429 with Retry-After past the requests-per-minute knob', async () => {
    await fetch(`${base}/__fake/llm`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ requestsPerMinute: 1 }) });

    const answers = [await chat(ask), await chat(ask)];
    const limited = answers.find((answer) => answer.status === 429)!;

    expect(limited.body.error).toMatchObject({ type: 'rate_limit_error', code: 'rate_limit_exceeded' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});
