import { describe, expect, it } from 'vitest';
import { companyUpdateFrom, valueDigest } from '../../../../functions/domain/enrich-websites/company-update.ts';
import type { SiteFindings } from '../../../../functions/domain/enrich-websites/site-findings.ts';

const url = 'https://acme.test/contact';
const findings: SiteFindings = {
  emails: [{ address: 'sales@acme.test', roleBased: true, ownDomain: true, url }],
  phones: [{ value: '+14155550100', url }],
  profiles: { linkedin: { value: 'https://www.linkedin.com/company/acme', url }, twitter: { value: 'https://x.com/acme', url } },
  technologies: [{ name: 'HubSpot', categories: ['Marketing automation'], confidence: 100 }],
  people: [],
  organisation: { description: { value: 'Rockets for roadrunners', url }, foundingYear: { value: 1949, url } },
};
const site = { domain: 'acme.test', homeUrl: 'https://acme.test/' };
const at = '2026-12-04T10:00:00.000Z';

describe('companyUpdateFrom', () => {
  it('It should fill empty fields and record where each came from', () => {
    const update = companyUpdateFrom(findings, site, { existing: {}, provenance: {}, fetchedAt: at, jobId: 'j1' });
    expect(update.set).toMatchObject({
      domain: 'acme.test',
      website: 'https://acme.test',
      emails: ['sales@acme.test'],
      phones: ['+14155550100'],
      phone: '+14155550100',
      linkedin_url: 'https://www.linkedin.com/company/acme',
      twitter_url: 'https://x.com/acme',
      description: 'Rockets for roadrunners',
      founded_year: 1949,
      technologies: ['HubSpot'],
      enriched_at: at,
    });
    expect(update.provenance.description).toEqual({ source: 'website', url, fetched_at: at, job_id: 'j1', digest: valueDigest('Rockets for roadrunners') });
  });

  it('It should never overwrite what a person or an import gave, nor replace a LinkedIn URL', () => {
    const existing = { description: 'Typed in by sales', linkedin_url: 'https://linkedin.com/company/acme-corp', technologies: ['Salesforce'] };
    const update = companyUpdateFrom(findings, site, { existing, provenance: {}, fetchedAt: at });
    expect(update.set.description).toBeUndefined();
    expect(update.set.linkedin_url).toBeUndefined();
    expect(update.set.technologies).toEqual(['Salesforce', 'HubSpot']);
  });

  it('It should refresh a value an earlier crawl wrote, unless somebody changed it since', () => {
    const earlier = { source: 'website', url, fetched_at: '2026-01-01T00:00:00.000Z' };
    const untouched = companyUpdateFrom(findings, site, {
      existing: { emails: ['old@acme.test'] },
      provenance: { emails: { ...earlier, digest: valueDigest(['old@acme.test']) } },
      fetchedAt: at,
    });
    expect(untouched.set.emails).toEqual(['sales@acme.test']);

    const edited = companyUpdateFrom(findings, site, {
      existing: { emails: ['edited@acme.test'] },
      provenance: { emails: { ...earlier, digest: valueDigest(['old@acme.test']) } },
      fetchedAt: at,
    });
    expect(edited.set.emails).toBeUndefined();
  });
});
