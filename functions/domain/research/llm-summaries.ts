/**
 * Richer ICP and persona summaries when an operator configured a chat model: the model gets the
 * structured data already found (never the raw pages) and answers one line per item. A reply it
 * cannot be matched to items leaves them without a summary; nothing else depends on it.
 */
import type { Llm, LlmContext } from '../../ports/llm.port.ts';
import type { Icp, Persona } from './icps-personas.ts';

const MAX_SUMMARY_CHARS = 600;

const SYSTEM = 'You write concise B2B go-to-market summaries. Answer with exactly one line per numbered item, "N: summary", and nothing else.';

function numbered(lines: readonly string[]): string {
  return lines.map((line, i) => `${i + 1}. ${line}`).join('\n');
}

/** "1: text" lines → text by item number. */
export function parseNumberedReply(reply: string, count: number): (string | undefined)[] {
  const out: (string | undefined)[] = Array.from({ length: count }, () => undefined);
  for (const line of reply.split('\n')) {
    const match = /^\s*(\d{1,3})\s*[:.)-]\s*(.+)$/.exec(line);
    const index = match ? Number(match[1]) - 1 : -1;
    if (match && index >= 0 && index < count) out[index] = (match[2] as string).trim().slice(0, MAX_SUMMARY_CHARS);
  }
  return out;
}

export async function summarise(llm: Llm, context: LlmContext, company: string, icps: Icp[], personas: Persona[]): Promise<number> {
  const items = [
    ...icps.map((icp) => `ICP: industry ${icp.industry}, size ${icp.size_band}, region ${icp.region}, ${icp.customer_count} known customers (${icp.example_customers.join(', ') || 'none named'}).`),
    ...personas.map((p) => `Persona: ${p.title} (${p.department}, ${p.seniority}); pains: ${p.pains.join(' | ') || 'none quoted'}.`),
  ];
  if (items.length === 0) return 0;
  const reply = await llm.complete(
    [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: `Company: ${company}. For each item, say in one or two sentences who they are and why they buy.\n${numbered(items)}` },
    ],
    context,
  );
  const lines = parseNumberedReply(reply, items.length);
  let written = 0;
  [...icps, ...personas].forEach((item, i) => {
    const line = lines[i];
    if (line) {
      item.summary = line;
      written += 1;
    }
  });
  return written;
}
