/**
 * Onboarding research: the website crawl of enrichment, the records, SEC's ticker list (wired in
 * edgar.services.ts) and, when an operator configured one, the chat model.
 */
import { ChatCompletionsLlm } from '../../adapters/llm/chat-completions.outbound.ts';
import type { OnboardDeps } from '../../domain/research/run-onboard.ts';
import type { Llm } from '../../ports/llm.port.ts';
import { config } from '../config.ts';
import { recordStore } from './dynamodb.services.ts';
import { companyTickers } from './edgar.services.ts';
import { crawlDeps } from './enrichment.services.ts';
import { once } from './once.ts';
import { outboundHttp } from './outbound.services.ts';

/** The chat model, or undefined: off unless LLM_MODEL is set. */
export const llm = /* @__PURE__ */ once((): Llm | undefined => {
  const { LLM_MODEL, LLM_API_KEY } = config();
  return LLM_MODEL ? new ChatCompletionsLlm(outboundHttp(), { model: LLM_MODEL, ...(LLM_API_KEY ? { apiKey: LLM_API_KEY } : {}) }) : undefined;
});

export const onboardDeps = (caller: { readonly workspaceId: string; readonly jobId: string }): OnboardDeps => {
  const model = llm();
  // The job worker carries no Chromium (its bundle and memory are sized for imports and exports):
  // without a renderer the crawl reads every page over plain HTTP.
  const { renderer: _renderer, ...plainHttp } = crawlDeps(caller);
  return {
    crawl: plainHttp,
    records: recordStore(),
    reader: recordStore(),
    // Called only when matching starts, so a list that is not wired yet fails that task's tickers, not the job.
    tickers: companyTickers,
    tickerMinConfidence: config().RESEARCH_TICKER_MIN_CONFIDENCE,
    enterpriseMinEmployees: config().RESEARCH_ENTERPRISE_MIN_EMPLOYEES,
    ...(model ? { llm: model } : {}),
  };
};
