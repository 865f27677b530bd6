import { describe, expect, it } from 'vitest';
import { companyKeyOf, fastPrepareCompany, fastPrepareCsvLikeRow } from '../../../../functions/domain/imports/fast-prepare.ts';
import { prepareCsvLikeRow } from '../../../../functions/domain/records/csv-like-row.ts';

/** A small deterministic generator, so a failure names a reproducible case. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const VALUES: Record<string, readonly string[]> = {
  company: ['Acme', '  Acme   Corp ', 'Zürich Re', 'x'.repeat(4097), '=cmd', 'Ünïcødé\tCo'],
  company_linkedin_url: ['https://linkedin.com/company/acme/', 'HTTPS://WWW.LinkedIn.com/company/Acme?x=1', 'not a url'],
  company_website: ['https://www.Acme.com/about', 'acme', 'http://a.b.c/'],
  company_domain: ['Acme.COM', ' acme.io '],
  employees: ['500', '1,200', '$5M', '2.5k', '50-100', 'about 10', '-3', '1.5', 'x'.repeat(70)],
  industry: ['Software, Internet', ' , ,', 'A,a,B', Array.from({ length: 201 }, (_, i) => `i${i}`).join(',')],
  industries: ['Retail'],
  founded_year: ['1999', '999', '2200', '1999.5'],
  annual_revenue: ['$1.2B', '12', '1e5'],
  company_city: ['San  Francisco', 'PARIS'],
  first_name: ['John', ' Zoë ', '=HYPERLINK("x")', 'x'.repeat(5000)],
  last_name: ['Doe', "O'Neil", ''],
  email: ['John.Doe@ACME.com', ' j@acme.io ', 'not-an-email', 'a@b', `${'x'.repeat(320)}@a.com`],
  email_status: ['Verified'],
  title: ['VP  Sales', 'CTO\nInterim'],
  seniority: ['C_Suite', 'vp'],
  departments: ['Engineering, Sales', 'Sales,sales'],
  mobile_phone: ['+1 555 0100'],
  person_linkedin_url: ['https://linkedin.com/in/jd/', 'linkedin.com/in/X'],
  city: ['Berlin', '  '],
  country: ['Germany', 'UNITED STATES'],
};
const COLUMNS = Object.keys(VALUES);

function randomRow(next: () => number): Record<string, string> {
  const row: Record<string, string> = {};
  for (const column of COLUMNS) {
    if (next() < 0.55) continue;
    const options = VALUES[column] as readonly string[];
    const value = options[Math.floor(next() * options.length)] as string;
    if (value.trim() !== '') row[column] = value;
  }
  return row;
}

describe('fastPrepareCsvLikeRow', () => {
  it('It should agree with the zod path on every row it accepts, and accept no row the zod path refuses', () => {
    // Prepare
    const next = random(42);
    const rows = Array.from({ length: 5000 }, () => randomRow(next));
    let accepted = 0;
    // Act
    for (const row of rows) {
      const fast = fastPrepareCsvLikeRow(row, fastPrepareCompany(row));
      const slow = prepareCsvLikeRow(row);
      // Assess
      if (fast === undefined) continue;
      accepted++;
      expect(slow.errors, JSON.stringify(row)).toEqual([]);
      expect({ company: fast.company, contact: fast.contact }, JSON.stringify(row)).toEqual({ company: slow.company, contact: slow.contact });
    }
    expect(accepted).toBeGreaterThan(500);
  });

  it('It should give rows with the same company columns the same company key, and different ones different keys', () => {
    // Act
    const a = companyKeyOf({ company: 'Acme', employees: '5', first_name: 'A' });
    const b = companyKeyOf({ company: 'Acme', employees: '5', first_name: 'B' });
    const c = companyKeyOf({ company: 'Acme', employees: '6' });
    // Assess
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});
