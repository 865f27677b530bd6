/**
 * A fake OpenAI-compatible chat-completions endpoint, built from OpenAI's public API reference:
 * `POST /v1/chat/completions` (Bearer key; `model`, `messages` → `choices[0].message.content`
 * and `usage`) and `GET /v1/models`, with OpenAI's `{"error":{message,type,param,code}}` bodies:
 * 401 for a missing or wrong key, 404 for an unknown model, 400 for a bad body, 429 with
 * `Retry-After` past the requests-per-minute knob. The same paths without `/v1` answer too, for
 * clients whose base URL already ends in `/v1`.
 *
 * Test controls: `GET`/`POST /__fake/llm` (`{"requestsPerMinute": n}`) and `GET /__fake/llm/calls`
 * (every completion request received, for asserting what a handler sent).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { FakeStartOptions, RunningFake } from '../fake-provider.ts';
import { startFakeServer, type FaultResponses } from '../fake-server.ts';
import { completionText, estimateTokens, type ChatMessage } from './llm-completion.ts';

export const FAKE_LLM_API_KEY = 'sk-fake-leadstack-llm-not-for-production';
export const FAKE_LLM_MODELS = ['gpt-4o-mini', 'gpt-4o', 'fake-summary-1'] as const;
/** Generous by default: a test lowers it through the knob to see 429s. */
export const DEFAULT_LLM_REQUESTS_PER_MINUTE = 600;
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_KEPT_CALLS = 200;
const MODELS_CREATED_AT = 1_735_689_600;

const messageSchema = z.object({ role: z.enum(['system', 'developer', 'user', 'assistant', 'tool']), content: z.union([z.string(), z.array(z.object({ type: z.string(), text: z.string().optional() }).passthrough()), z.null()]) }).passthrough();
const requestSchema = z
  .object({
    model: z.string().min(1),
    messages: z.array(messageSchema).min(1),
    response_format: z.object({ type: z.enum(['text', 'json_object', 'json_schema']) }).passthrough().optional(),
    stream: z.boolean().optional(),
  })
  .passthrough();

const controlSchema = z.object({ requestsPerMinute: z.number().int().min(1).max(1_000_000) }).strict().partial();

type ErrorType = 'invalid_request_error' | 'authentication_error' | 'rate_limit_error' | 'server_error';

const send = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
};
const openAiError = (response: ServerResponse, status: number, type: ErrorType, message: string, code: string | null, param: string | null = null, headers: Record<string, string> = {}): void =>
  send(response, status, { error: { message, type, param, code } }, headers);

const FAULTS: FaultResponses = {
  error: (response) => openAiError(response, 500, 'server_error', 'The server had an error while processing your request.', null),
  outage: (response) => openAiError(response, 503, 'server_error', 'The engine is currently overloaded, please try again later.', null, null, { 'retry-after': '30' }),
};

interface LlmState {
  requestsPerMinute: number;
  readonly window: { start: number; used: number };
  readonly calls: unknown[];
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  let raw = '';
  for await (const chunk of request) {
    raw += String(chunk);
    if (raw.length > MAX_BODY_BYTES) throw new Error('body too large');
  }
  return JSON.parse(raw) as unknown;
}

const textOf = (content: z.infer<typeof messageSchema>['content']): string =>
  typeof content === 'string' ? content : (content ?? []).map((part) => part.text ?? '').join('\n');

function admit(state: LlmState): number {
  const now = Date.now();
  const start = Math.floor(now / 60_000) * 60_000;
  if (state.window.start !== start) Object.assign(state.window, { start, used: 0 });
  if (state.window.used >= state.requestsPerMinute) return Math.max(1, Math.ceil((start + 60_000 - now) / 1_000));
  state.window.used += 1;
  return 0;
}

async function complete(state: LlmState, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const parsed = requestSchema.safeParse(await readJson(request).catch(() => undefined));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return openAiError(response, 400, 'invalid_request_error', issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'We could not parse the JSON body of your request.', null, issue?.path.join('.') ?? null);
  }
  const body = parsed.data;
  if (!(FAKE_LLM_MODELS as readonly string[]).includes(body.model)) return openAiError(response, 404, 'invalid_request_error', `The model \`${body.model}\` does not exist or you do not have access to it.`, 'model_not_found', 'model');
  if (body.stream) return openAiError(response, 400, 'invalid_request_error', 'The fake does not stream; send stream: false.', 'unsupported_value', 'stream');
  const messages: ChatMessage[] = body.messages.map((message) => ({ role: message.role, content: textOf(message.content) }));
  state.calls.push(body);
  if (state.calls.length > MAX_KEPT_CALLS) state.calls.shift();
  const content = completionText(body.model, messages, body.response_format?.type === 'json_object');
  const promptTokens = estimateTokens(messages.map((message) => message.content).join('\n'));
  const completionTokens = estimateTokens(content);
  send(response, 200, {
    id: `chatcmpl-${randomUUID().replace(/-/g, '')}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: body.model,
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' }],
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
    system_fingerprint: 'fp_fake_leadstack',
  });
}

async function route(state: LlmState, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const { pathname } = new URL(request.url ?? '/', 'http://fake');
  if (pathname === '/__fake/llm/calls') return send(response, 200, { calls: state.calls });
  if (pathname === '/__fake/llm') {
    if (request.method === 'POST') {
      const change = controlSchema.safeParse(await readJson(request).catch(() => undefined));
      if (!change.success) return send(response, 400, { error: { code: 'BAD_KNOBS', message: change.error.message } });
      if (change.data.requestsPerMinute !== undefined) state.requestsPerMinute = change.data.requestsPerMinute;
    }
    return send(response, 200, { requestsPerMinute: state.requestsPerMinute });
  }
  const path = pathname.replace(/^\/v1(?=\/)/, '');
  if (path !== '/chat/completions' && path !== '/models') return openAiError(response, 404, 'invalid_request_error', `Invalid URL (${request.method} ${pathname})`, null);
  const authorization = request.headers.authorization ?? '';
  if (!authorization.startsWith('Bearer ')) return openAiError(response, 401, 'invalid_request_error', "You didn't provide an API key. Send it as an Authorization: Bearer header.", null);
  if (authorization.slice('Bearer '.length) !== FAKE_LLM_API_KEY) return openAiError(response, 401, 'invalid_request_error', 'Incorrect API key provided.', 'invalid_api_key');
  const waitSeconds = admit(state);
  if (waitSeconds > 0) return openAiError(response, 429, 'rate_limit_error', `Rate limit reached for requests: limit ${state.requestsPerMinute} per minute.`, 'rate_limit_exceeded', null, { 'retry-after': String(waitSeconds) });
  if (path === '/models' && request.method === 'GET') return send(response, 200, { object: 'list', data: FAKE_LLM_MODELS.map((id) => ({ id, object: 'model', created: MODELS_CREATED_AT, owned_by: 'leadstack-fake' })) });
  if (path === '/chat/completions' && request.method === 'POST') return complete(state, request, response);
  return openAiError(response, 405, 'invalid_request_error', `Method ${request.method} not allowed on ${pathname}`, null);
}

export async function startFakeLlm(options: FakeStartOptions & { requestsPerMinute?: number }): Promise<RunningFake> {
  const state: LlmState = { requestsPerMinute: options.requestsPerMinute ?? DEFAULT_LLM_REQUESTS_PER_MINUTE, window: { start: 0, used: 0 }, calls: [] };
  const listener = (request: IncomingMessage, response: ServerResponse): void => {
    route(state, request, response).catch((error: unknown) => openAiError(response, 500, 'server_error', (error as Error).message, null));
  };
  return startFakeServer(listener, { ...options, faults: FAULTS });
}
