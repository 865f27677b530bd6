import type { FakeProvider } from '../fake-provider.ts';
import { startFakeLlm } from './llm.server.ts';

export { completionText, promptFacts } from './llm-completion.ts';
export { DEFAULT_LLM_REQUESTS_PER_MINUTE, FAKE_LLM_API_KEY, FAKE_LLM_MODELS, startFakeLlm } from './llm.server.ts';

/** An OpenAI-compatible chat-completions endpoint with deterministic answers (`PROVIDER_LLM_BASE_URL`). */
export const fakeLlm: FakeProvider = { name: 'llm', start: startFakeLlm };
