import { z } from 'zod';
import { SIGNAL_TYPES } from '../../domain/signals/signal-types.ts';
import { MAX_SIGNALS_PAGE_SIZE, signalsQuerySchema } from '../../domain/signals/signals-query.ts';
import { defineContracts, successBody } from '../../platform/http/route-contract.ts';

const signalSchema = z.object({
  uuid: z.string(),
  ticker: z.string(),
  company_name: z.string(),
  signal_type: z.enum(SIGNAL_TYPES),
  opportunity_type: z.string(),
  urgency_score: z.number(),
  estimated_value: z.string(),
  item: z.string(),
  form: z.string(),
  filing_date: z.string(),
  filing_url: z.string(),
  excerpt: z.string(),
  briefs: z.array(z.object({ persona: z.string(), why_it_matters: z.string(), what_to_say: z.string() })),
  generated_at: z.string(),
});

export const signalsContracts = defineContracts([
  {
    method: 'GET',
    path: '/v1/signals',
    summary: 'List buying signals from SEC 8-K filings',
    description:
      'Signals that `monitor_signals` jobs found, newest filing first. `company` is a ticker (upper case) or words of the company ' +
      `name; \`type\` one or more of ${SIGNAL_TYPES.join(', ')} (comma-separated); \`since\` a filing date (YYYY-MM-DD); ` +
      `\`min_urgency\` 0..1; \`limit\` at most ${MAX_SIGNALS_PAGE_SIZE}; \`cursor\` the previous page's \`next_cursor\`.`,
    tag: 'signals',
    query: signalsQuerySchema,
    responses: {
      200: { description: 'A page of signals', body: successBody({ data: z.array(signalSchema), next_cursor: z.string().nullable() }) },
      400: { description: 'ERR_VALIDATION: an unknown type, a bad date, min_urgency outside 0..1, a limit out of range or a cursor this API did not give' },
    },
  },
]);
