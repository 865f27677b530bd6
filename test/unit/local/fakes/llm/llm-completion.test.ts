import { describe, expect, it } from 'vitest';
import { completionText, promptFacts } from '../../../../../lib/local/fakes/llm/index.ts';

const icp = { industry: 'Computer Software', size_band: '51-200', region: 'EMEA', personas: [{ title: 'VP Sales', pains: ['long ramp time'] }] };

describe('the fake LLM completion', () => {
  it('It should echo every value of the JSON in the last user message, in order', () => {
    const messages = [
      { role: 'system', content: 'You write ICP summaries.' },
      { role: 'user', content: `Summarise this ICP:\n${JSON.stringify(icp)}` },
    ];

    const text = completionText('gpt-4o-mini', messages, false);

    expect(promptFacts(messages)).toEqual(['Computer Software', '51-200', 'EMEA', 'VP Sales', 'long ramp time']);
    expect(text).toContain('Computer Software; 51-200; EMEA; VP Sales; long ramp time');
  });

  it('It should give the same text for the same messages and another text for other data', () => {
    const ask = (data: unknown) => [{ role: 'user', content: JSON.stringify(data) }];

    expect(completionText('m', ask(icp), false)).toBe(completionText('m', ask(icp), false));
    expect(completionText('m', ask({ ...icp, region: 'APAC' }), false)).not.toBe(completionText('m', ask(icp), false));
  });

  it('It should answer JSON when asked for a JSON object, and words when the prompt has no JSON', () => {
    const json = JSON.parse(completionText('m', [{ role: 'user', content: JSON.stringify(icp) }], true)) as { facts: string[] };
    const words = completionText('m', [{ role: 'user', content: 'hello there world' }], false);

    expect(json.facts).toContain('EMEA');
    expect(words).toContain('hello; there; world');
  });
});
