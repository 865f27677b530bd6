/**
 * A chat model, for prose that structured data cannot write well (ICP and persona summaries).
 * Optional everywhere: a feature that takes an Llm works the same without one, minus that prose.
 */
export interface LlmMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

export interface LlmContext {
  readonly workspaceId: string;
  readonly jobId?: string;
}

export interface Llm {
  /** The model's reply text; throws on a failed call (the caller decides what to do without it). */
  complete(messages: readonly LlmMessage[], context: LlmContext): Promise<string>;
}
