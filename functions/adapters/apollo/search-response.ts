/**
 * What both Apollo adapters share: the search endpoints' answer (the API and the web app's
 * internal endpoints answer the same shape) and how an HTTP status becomes a source error.
 */
import { z } from 'zod';
import { parseRetryAfterMs } from '../../domain/outbound/retry-policy.ts';
import { ApolloSourceError, type ApolloEntity, type ApolloRawRecord, type ApolloSearchPage, type ApolloSearchRequest } from '../../ports/apollo-source.port.ts';

/** When a 429 carries no readable Retry-After: Apollo counts its limits per minute. */
export const DEFAULT_RATE_LIMIT_RETRY_MS = 60_000;
/** Apollo's 422 for a filter with too many values. */
const VALUE_TOO_LONG = /value too long/i;
/** How much of Apollo's own error text a message repeats (it never holds a credential). */
const ERROR_TEXT_MAX = 200;

const recordSchema = z.looseObject({ id: z.string().min(1) });

const pageSchema = z.looseObject({
  pagination: z
    .looseObject({
      page: z.coerce.number().int().min(1),
      per_page: z.coerce.number().int().min(1),
      total_entries: z.coerce.number().int().min(0),
      total_pages: z.coerce.number().int().min(0).optional(),
    })
    .optional(),
  /** The API's people search (`mixed_people/api_search`) answers its total here, with no `pagination`. */
  total_entries: z.coerce.number().int().min(0).optional(),
  organizations: z.array(recordSchema).optional(),
  /** Organisations already saved to the team's CRM: the organisation's id is `organization_id`. */
  accounts: z.array(z.looseObject({ organization_id: z.string().min(1).optional(), id: z.string().min(1) })).optional(),
  people: z.array(recordSchema).optional(),
  /** People already saved as contacts: the person's id is `person_id`. */
  contacts: z.array(z.looseObject({ person_id: z.string().min(1).optional(), id: z.string().min(1) })).optional(),
});

type ParsedPage = z.output<typeof pageSchema>;

/** A saved account or contact carries Apollo's organisation/person id beside its own CRM id. */
const asSourceRecord = (record: { id: string } & Record<string, unknown>, sourceIdField: string): ApolloRawRecord => {
  const sourceId = record[sourceIdField];
  return typeof sourceId === 'string' && sourceId !== '' ? { ...record, id: sourceId, crm_id: record.id } : record;
};

const recordsOf = (entity: ApolloEntity, page: ParsedPage): ApolloRawRecord[] =>
  entity === 'organizations'
    ? [...(page.organizations ?? []), ...(page.accounts ?? []).map((a) => asSourceRecord(a, 'organization_id'))]
    : [...(page.people ?? []), ...(page.contacts ?? []).map((c) => asSourceRecord(c, 'person_id'))];

/** The request body an adapter sends: the filters as they are, with the page it asks for. */
export const searchBody = (request: ApolloSearchRequest): string => JSON.stringify({ ...request.filters, page: request.page, per_page: request.perPage });

/** What a page was asked for: the position of an answer that carries only its total. */
export interface AskedPage {
  readonly page: number;
  readonly perPage: number;
}

/**
 * Reads a search answer; BAD_RESPONSE when it is not JSON or not the documented shape. An answer
 * without `pagination` but with a top-level `total_entries` is the page that was `asked`.
 *
 * @example
 * readSearchPage('organizations', '{"pagination":{"page":1,"per_page":100,"total_entries":1},"organizations":[{"id":"5f"}]}', 'Apollo API');
 */
export function readSearchPage(entity: ApolloEntity, text: string, source: string, asked?: AskedPage): ApolloSearchPage {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ApolloSourceError('BAD_RESPONSE', `${source}: the search answer is not JSON`, undefined, { cause: error });
  }
  const parsed = pageSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').slice(0, 5).join(', ');
    throw new ApolloSourceError('BAD_RESPONSE', `${source}: the search answer is not the documented shape (${where})`);
  }
  const pagination = parsed.data.pagination ?? paginationOf(parsed.data.total_entries, asked);
  if (!pagination) throw new ApolloSourceError('BAD_RESPONSE', `${source}: the search answer has no pagination`);
  const hasList = entity === 'organizations' ? parsed.data.organizations ?? parsed.data.accounts : parsed.data.people ?? parsed.data.contacts;
  if (hasList === undefined) throw new ApolloSourceError('BAD_RESPONSE', `${source}: the search answer has no ${entity}`);
  return {
    records: recordsOf(entity, parsed.data),
    page: pagination.page,
    perPage: pagination.per_page,
    totalEntries: pagination.total_entries,
    totalPages: pagination.total_pages ?? Math.ceil(pagination.total_entries / pagination.per_page),
  };
}

const paginationOf = (totalEntries: number | undefined, asked: AskedPage | undefined): ParsedPage['pagination'] =>
  totalEntries === undefined || !asked ? undefined : { page: asked.page, per_page: asked.perPage, total_entries: totalEntries };

const errorText = (text: string): string => {
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown };
    const said = typeof body.error === 'string' ? body.error : typeof body.message === 'string' ? body.message : '';
    return said.slice(0, ERROR_TEXT_MAX);
  } catch {
    return '';
  }
};

export interface StatusContext {
  readonly source: string;
  /** What a refused credential means for this adapter: a dead session or a wrong key. */
  readonly authCode: 'SESSION_EXPIRED' | 'AUTH_FAILED';
  readonly retryAfterHeader: string | undefined;
  readonly nowMs: number;
}

/** The source error an HTTP status other than 2xx means; the body is the answer's text. */
export function errorForStatus(status: number, text: string, context: StatusContext): ApolloSourceError {
  const said = errorText(text);
  const suffix = said === '' ? '' : `: ${said}`;
  if (status === 401 || status === 403) return new ApolloSourceError(context.authCode, `${context.source} refused the credentials (${status})${suffix}`);
  if (status === 422 && VALUE_TOO_LONG.test(text)) return new ApolloSourceError('VALUE_TOO_LONG', `${context.source}: a filter carries too many values (422)${suffix}`);
  if (status === 429) {
    const retryAfterMs = parseRetryAfterMs(context.retryAfterHeader, context.nowMs) ?? DEFAULT_RATE_LIMIT_RETRY_MS;
    return new ApolloSourceError('RATE_LIMITED', `${context.source} is over its rate limit (429)`, retryAfterMs);
  }
  if (status >= 500) return new ApolloSourceError('UNAVAILABLE', `${context.source} answered ${status}`);
  return new ApolloSourceError('BAD_RESPONSE', `${context.source} answered ${status}${suffix}`);
}
