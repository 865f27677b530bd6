/** The routes' inputs, validated at the edge; each schema also feeds the OpenAPI document. */
import { z } from 'zod';
import type { CompanyLookupParams, CompanySearchParams, PersonLookupParams, PersonSearchParams } from '../../ports/people-data.port.ts';
import { SEARCH_DEFAULT_SIZE, SEARCH_MAX_SIZE } from './lookup-limits.ts';

const MAX_TEXT = 200;
const MAX_API_KEY = 256;
const MIN_API_KEY = 8;
/** The default usage period: the last 30 days. */
export const USAGE_DEFAULT_DAYS = 30;

const text = z.string().trim().min(1).max(MAX_TEXT);
const linkedinUrl = (kind: 'in' | 'company') =>
  z
    .string()
    .trim()
    .max(MAX_TEXT)
    .refine((value) => new RegExp(`^(https?://)?([a-z]{2,3}\\.)?linkedin\\.com/${kind}/[^/?#\\s]+/?$`, 'i').test(value), { message: `must be a LinkedIn /${kind}/ URL` });

const PERSON_IDENTIFIERS = ['id', 'name', 'first_name', 'last_name', 'email', 'linkedin_url'] as const;

export const personLookupQuerySchema = z
  .strictObject({
    id: z.string().trim().regex(/^\d{1,20}$/, 'must be a provider profile id').optional(),
    name: text.optional(),
    first_name: text.optional(),
    last_name: text.optional(),
    email: z.email().max(MAX_TEXT).optional(),
    current_employer: text.optional(),
    current_title: text.optional(),
    linkedin_url: linkedinUrl('in').optional(),
    location: text.optional(),
  })
  .refine((q) => PERSON_IDENTIFIERS.some((field) => q[field] !== undefined), { message: `give one of ${PERSON_IDENTIFIERS.join(', ')}`, path: ['name'] });

export const personSearchBodySchema = z
  .strictObject({
    name: text.optional(),
    current_employer: text.optional(),
    current_title: text.optional(),
    location: text.optional(),
    keyword: text.optional(),
    start: z.number().int().min(0).max(10_000).default(0),
    size: z.number().int().min(1).max(SEARCH_MAX_SIZE).default(SEARCH_DEFAULT_SIZE),
  })
  .refine((b) => [b.name, b.current_employer, b.current_title, b.location, b.keyword].some((v) => v !== undefined), { message: 'give at least one criterion', path: ['name'] });

export const companyLookupQuerySchema = z
  .strictObject({ name: text.optional(), domain: z.string().trim().toLowerCase().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'must be a domain like acme.com').optional(), linkedin_url: linkedinUrl('company').optional() })
  .refine((q) => q.name !== undefined || q.domain !== undefined || q.linkedin_url !== undefined, { message: 'give one of name, domain, linkedin_url', path: ['name'] });

const YEAR = z.number().int().min(1800).max(2100);
export const companySearchBodySchema = z
  .strictObject({
    name: text.optional(),
    domain: text.optional(),
    industry: text.optional(),
    location: text.optional(),
    employees_min: z.number().int().min(0).optional(),
    employees_max: z.number().int().min(0).optional(),
    revenue_min: z.number().min(0).optional(),
    revenue_max: z.number().min(0).optional(),
    founded_after: YEAR.optional(),
    founded_before: YEAR.optional(),
    start: z.number().int().min(0).max(10_000).default(0),
    size: z.number().int().min(1).max(SEARCH_MAX_SIZE).default(SEARCH_DEFAULT_SIZE),
  })
  .refine((b) => b.employees_min === undefined || b.employees_max === undefined || b.employees_min <= b.employees_max, { message: 'must not exceed employees_max', path: ['employees_min'] })
  .refine((b) => b.revenue_min === undefined || b.revenue_max === undefined || b.revenue_min <= b.revenue_max, { message: 'must not exceed revenue_max', path: ['revenue_min'] });

export const lookupIdSchema = z.string().trim().regex(/^\d{1,20}$/, 'must be a lookup id');

export const rotateKeyBodySchema = z.strictObject({ api_key: z.string().trim().min(MIN_API_KEY).max(MAX_API_KEY) });

export const usageQuerySchema = z
  .strictObject({ from: z.iso.datetime().optional(), to: z.iso.datetime().optional() })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: 'must not be after to', path: ['from'] });

export const toPersonLookup = (q: z.output<typeof personLookupQuerySchema>): PersonLookupParams => ({
  ...(q.id ? { id: q.id } : {}),
  ...(q.name ? { name: q.name } : {}),
  ...(q.first_name ? { firstName: q.first_name } : {}),
  ...(q.last_name ? { lastName: q.last_name } : {}),
  ...(q.email ? { email: q.email } : {}),
  ...(q.current_employer ? { employer: q.current_employer } : {}),
  ...(q.current_title ? { title: q.current_title } : {}),
  ...(q.linkedin_url ? { linkedinUrl: q.linkedin_url } : {}),
  ...(q.location ? { location: q.location } : {}),
});

export const toPersonSearch = (b: z.output<typeof personSearchBodySchema>): PersonSearchParams => ({
  ...(b.name ? { name: b.name } : {}),
  ...(b.current_employer ? { employer: b.current_employer } : {}),
  ...(b.current_title ? { title: b.current_title } : {}),
  ...(b.location ? { location: b.location } : {}),
  ...(b.keyword ? { keyword: b.keyword } : {}),
  start: b.start,
  size: b.size,
});

export const toCompanyLookup = (q: z.output<typeof companyLookupQuerySchema>): CompanyLookupParams => ({
  ...(q.name ? { name: q.name } : {}),
  ...(q.domain ? { domain: q.domain } : {}),
  ...(q.linkedin_url ? { linkedinUrl: q.linkedin_url } : {}),
});

export const toCompanySearch = (b: z.output<typeof companySearchBodySchema>): CompanySearchParams => {
  const optional = {
    name: b.name,
    domain: b.domain,
    industry: b.industry,
    location: b.location,
    employeesMin: b.employees_min,
    employeesMax: b.employees_max,
    revenueMin: b.revenue_min,
    revenueMax: b.revenue_max,
    foundedAfter: b.founded_after,
    foundedBefore: b.founded_before,
  };
  return { ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)), start: b.start, size: b.size };
};
