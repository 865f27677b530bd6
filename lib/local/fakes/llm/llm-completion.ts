/**
 * The fake LLM's answers: deterministic text derived from the prompt, so a test can assert that
 * a summary came from the structured data it was given. The last user message is read; every
 * string and number inside a JSON value in it (or, without JSON, its first words) is echoed in
 * a fixed sentence form. `response_format: {"type":"json_object"}` gets the same as JSON.
 */
import { createHash } from 'node:crypto';

/** The most values echoed from one prompt, so answers stay short however big the prompt. */
export const MAX_ECHOED_VALUES = 40;
const MAX_ECHOED_WORDS = 30;
/** Tokens are estimated at four characters each, the rule of thumb OpenAI documents for English. */
const CHARS_PER_TOKEN = 4;

export interface ChatMessage {
  readonly role: string;
  readonly content: string;
}

const leafValues = (value: unknown, into: string[]): void => {
  if (into.length >= MAX_ECHOED_VALUES) return;
  if (typeof value === 'string' && value.trim() !== '') into.push(value.trim());
  else if (typeof value === 'number' || typeof value === 'boolean') into.push(String(value));
  else if (Array.isArray(value)) for (const item of value) leafValues(item, into);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) leafValues(item, into);
};

/** The first JSON object or array in the text, if any parses. */
function embeddedJson(text: string): unknown {
  for (const [open, close] of [['{', '}'], ['[', ']']] as const) {
    const start = text.indexOf(open);
    const end = text.lastIndexOf(close);
    if (start === -1 || end <= start) continue;
    try {
      return JSON.parse(text.slice(start, end + 1)) as unknown;
    } catch {
      // Not JSON after all: try the other bracket, then fall back to words.
    }
  }
  return undefined;
}

/** The values an answer to this prompt echoes, in the prompt's order. */
export function promptFacts(messages: readonly ChatMessage[]): string[] {
  const lastUser = [...messages].reverse().find((message) => message.role === 'user')?.content ?? '';
  const json = embeddedJson(lastUser);
  if (json !== undefined) {
    const values: string[] = [];
    leafValues(json, values);
    return values;
  }
  return lastUser.split(/\s+/).filter(Boolean).slice(0, MAX_ECHOED_WORDS);
}

export const estimateTokens = (text: string): number => Math.max(1, Math.ceil(text.length / CHARS_PER_TOKEN));

/** The assistant's answer for these messages: the same messages always give the same text. */
export function completionText(model: string, messages: readonly ChatMessage[], asJson: boolean): string {
  const facts = promptFacts(messages);
  const digest = createHash('sha256').update(JSON.stringify(messages)).digest('hex').slice(0, 8);
  const summary = facts.length > 0 ? `Summary from ${facts.length} facts: ${facts.join('; ')}.` : 'Summary: the prompt held no facts.';
  if (asJson) return JSON.stringify({ summary, facts, model, digest });
  return `${summary} [${model}:${digest}]`;
}
