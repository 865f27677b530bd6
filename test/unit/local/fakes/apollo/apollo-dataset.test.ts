import { describe, expect, it } from 'vitest';
import { apolloDataset, APOLLO_ORGANIZATION_COUNT, generateApolloDataset, organizationId, organizationRow, personId, personOf } from '../../../../../lib/local/fakes/apollo/apollo-dataset.ts';
import { organizationRecord } from '../../../../../lib/local/fakes/apollo/apollo-organization.record.ts';
import { personCore, personRecord } from '../../../../../lib/local/fakes/apollo/apollo-people.ts';
import { matchPerson } from '../../../../../lib/local/fakes/apollo/apollo-people-match.ts';
import { APOLLO_INDUSTRIES } from '../../../../../lib/local/fakes/apollo/apollo-vocabulary.ts';

const SMALL = 4_000;
const small = apolloDataset('unit-dataset', SMALL);
const HEX24 = /^[0-9a-f]{24}$/;

describe('the fake Apollo dataset', () => {
  it('It should hold at least 50,000 organisations by default, spread over industries, sizes and countries', () => {
    const full = apolloDataset('unit-full');
    const countries = new Set(Array.from({ length: full.count }, (_, row) => organizationRecord(full, row).country));

    expect(APOLLO_ORGANIZATION_COUNT).toBeGreaterThanOrEqual(50_000);
    expect(full.count).toBe(APOLLO_ORGANIZATION_COUNT);
    expect(full.byIndustry.filter((rows) => rows.length > 0)).toHaveLength(APOLLO_INDUSTRIES.length);
    expect(countries.size).toBeGreaterThanOrEqual(10);
    expect(Math.min(...full.employees)).toBeLessThanOrEqual(10);
    expect(Math.max(...full.employees)).toBeGreaterThan(10_000);
  });

  it('It should give the same data for the same seed and other data for another seed', () => {
    const regenerated = generateApolloDataset('unit-dataset', SMALL);
    const other = apolloDataset('unit-dataset-copy', SMALL);

    expect(regenerated).not.toBe(small);
    expect([0, 7, SMALL - 1].map((row) => organizationRecord(regenerated, row))).toEqual([0, 7, SMALL - 1].map((row) => organizationRecord(small, row)));
    expect(personRecord(regenerated, personCore(regenerated, 7, 0))).toEqual(personRecord(small, personCore(small, 7, 0)));
    expect(organizationRecord(other, 7).id).not.toBe(organizationRecord(small, 7).id);
    expect(other.names.slice(0, 20)).not.toEqual(small.names.slice(0, 20));
  });

  it("It should carry Apollo's organisation fields with unique 24-hex ids and unique domains", () => {
    const records = Array.from({ length: SMALL }, (_, row) => organizationRecord(small, row));

    expect(new Set(records.map((r) => r.id)).size).toBe(SMALL);
    expect(new Set(records.map((r) => r.primary_domain)).size).toBe(SMALL);
    expect(records.every((r) => HEX24.test(String(r.id)))).toBe(true);
    expect(records[0]).toEqual(expect.objectContaining({
      name: expect.any(String), website_url: expect.stringMatching(/^http:\/\/www\./), phone: expect.stringMatching(/^\+\d+ \d{3}-\d{3}-\d{4}$/),
      linkedin_url: expect.any(String), twitter_url: expect.any(String), facebook_url: expect.any(String), industry: expect.any(String),
      keywords: expect.any(Array), estimated_num_employees: expect.any(Number), founded_year: expect.any(Number), city: expect.any(String),
      state: expect.any(String), country: expect.any(String), raw_address: expect.any(String), street_address: expect.any(String),
      postal_code: expect.any(String), organization_headcount_six_month_growth: expect.any(Number), current_technologies: expect.any(Array),
    }));
    expect(records.some((r) => r.annual_revenue === null) && records.some((r) => typeof r.annual_revenue === 'number')).toBe(true);
    expect(records.some((r) => r.latest_funding_stage !== null && typeof r.total_funding === 'number')).toBe(true);
  });

  it('It should give some organisations 50 to 100 people and most a handful, and decode every id it issues', () => {
    const staff = Array.from(small.staff);

    expect(staff.every((n) => n >= 1 && n <= 100)).toBe(true);
    expect(staff.filter((n) => n >= 50).length).toBeGreaterThan(SMALL * 0.03);
    expect(staff.filter((n) => n <= 12).length).toBeGreaterThan(SMALL * 0.8);
    expect(organizationRow(small, organizationId(small, 1234))).toBe(1234);
    expect(organizationRow(small, `${organizationId(small, 1234).slice(0, 23)}0`)).toBeUndefined();
    expect(personOf(small, personId(small, 99, 0))).toEqual({ row: 99, person: 0 });
    expect(personOf(small, personId(apolloDataset('unit-dataset-copy', SMALL), 99, 0))).toBeUndefined();
  });

  it("It should build people with Apollo's person fields and a current job at their organisation", () => {
    const row = small.staff.findIndex((n) => n >= 50);
    const person = personRecord(small, personCore(small, row, 3));
    const founder = personRecord(small, personCore(small, row, 0));
    const history = person.employment_history as { current: boolean; organization_name: string; start_date: string; end_date: string | null }[];

    expect(person).toEqual(expect.objectContaining({
      id: expect.stringMatching(HEX24), first_name: expect.any(String), last_name: expect.any(String), title: expect.any(String),
      seniority: expect.any(String), departments: expect.any(Array), subdepartments: expect.any(Array), functions: expect.any(Array),
      linkedin_url: expect.stringMatching(/^http:\/\/www\.linkedin\.com\/in\//), city: expect.any(String), country: expect.any(String),
      organization_id: organizationId(small, row), organization: expect.objectContaining({ id: organizationId(small, row), name: small.names[row] }),
    }));
    expect(person.name).toBe(`${person.first_name} ${person.last_name}`);
    expect(history[0]).toEqual(expect.objectContaining({ current: true, organization_name: small.names[row], end_date: null }));
    expect(founder.seniority).toBe('founder');
  });

  it('It should match a person by id, LinkedIn URL, email, and name with domain or organisation name, and nobody else', () => {
    const row = small.staff.findIndex((n) => n >= 50);
    const person = personRecord(small, personCore(small, row, 5));
    const id = person.id;
    const withEmail = Array.from({ length: small.staff[row] ?? 0 }, (_, p) => personRecord(small, personCore(small, row, p))).find((p) => p.email !== null)!;
    const byName = matchPerson(small, { first_name: person.first_name, last_name: person.last_name, domain: small.domains[row] }).person as { first_name: string; last_name: string };

    expect((matchPerson(small, { id }).person as { id: string }).id).toBe(id);
    expect((matchPerson(small, { linkedin_url: person.linkedin_url }).person as { id: string }).id).toBe(id);
    expect((matchPerson(small, { email: withEmail.email }).person as { id: string }).id).toBe(withEmail.id);
    expect([byName.first_name, byName.last_name]).toEqual([person.first_name, person.last_name]);
    expect(matchPerson(small, { name: `${person.first_name} ${person.last_name}`, organization_name: small.names[row] }).person).not.toBeNull();
    expect((matchPerson(small, { id }).person as { organization: { industry: string } }).organization.industry).toBe(organizationRecord(small, row).industry);
    expect(matchPerson(small, { first_name: 'Nobody', last_name: 'Here', domain: small.domains[row] })).toEqual({ person: null });
    expect(matchPerson(small, { email: 'someone@not-in-apollo.test' })).toEqual({ person: null });
  });
});
