import { describe, expect, it } from 'vitest';
import { extractPositioning } from '../../../../functions/domain/research/extract-positioning.ts';
import { extractProducts } from '../../../../functions/domain/research/extract-products.ts';
import { buildIcps, buildPersonas } from '../../../../functions/domain/research/icps-personas.ts';
import { parseNumberedReply } from '../../../../functions/domain/research/llm-summaries.ts';
import { crumbs, ledgerly, pipewise } from './research-fixtures.ts';

describe('extractProducts', () => {
  it('It should read products from the navigation and describe them from their pages', () => {
    expect(extractProducts(pipewise(), 'pipewise.test').map((p) => [p.name, p.source, p.description])).toEqual([
      ['Pipeline', 'navigation', 'See every deal in one live pipeline.'],
      ['Forecast AI', 'navigation', 'Forecasts your CFO can trust.'],
    ]);
  });

  it('It should read JSON-LD SoftwareApplications and not list their menu names twice', () => {
    expect(extractProducts(ledgerly(), 'ledgerly.test').map((p) => [p.name, p.source, p.category])).toEqual([
      ['Ledgerly Close', 'json_ld', 'FinanceApplication'],
      ['Ledgerly Spend', 'json_ld', undefined],
    ]);
  });

  it('It should find no products on a bakery\'s site', () => {
    expect(extractProducts(crumbs(), 'crumbs.test')).toEqual([]);
  });
});

describe('positioning, ICPs and personas', () => {
  it('It should read who the site is for, the industries its navigation names and the regions it serves', () => {
    const positioning = extractPositioning(pipewise());
    expect(positioning.audiences.map((a) => a.department)).toEqual(['sales']);
    expect(positioning.industries.map((i) => i.industry).sort()).toEqual(['financial services', 'healthcare']);
    expect(positioning.regions).toEqual(['North America', 'Europe']);
  });

  it('It should group customers\' records into ICPs before adding the industries only the site names', () => {
    const positioning = extractPositioning(pipewise());
    const icps = buildIcps(
      [
        { name: 'Acme', industry: 'Healthcare', employees: 5000, country: 'united states' },
        { name: 'Globex', industry: 'healthcare', employees: 3000, country: 'canada' },
        { name: 'Initech' },
      ],
      positioning,
    );
    expect(icps[0]).toMatchObject({ industry: 'healthcare', size_band: '1001-5000', region: 'North America', customer_count: 2, example_customers: ['Acme', 'Globex'], basis: 'customers' });
    expect(icps.slice(1).map((i) => [i.industry, i.basis])).toEqual([['financial services', 'site_language']]);
  });

  it('It should name personas with department and seniority, and quote pains from the pages', () => {
    const personas = buildPersonas(ledgerly(), extractPositioning(ledgerly()));
    expect(personas.map((p) => [p.title, p.department, p.seniority])).toEqual([
      ['CFO', 'finance', 'c_suite'],
      ['Finance Director', 'finance', 'director'],
    ]);
    expect(personas[0]?.pains).toEqual(['Controllers juggle disconnected tools and lose days every month-end close.']);
  });

  it('It should build no ICP or persona from a site that says nothing about its buyers', () => {
    const positioning = extractPositioning(crumbs());
    expect(buildIcps([], positioning)).toEqual([]);
    expect(buildPersonas(crumbs(), positioning)).toEqual([]);
  });
});

describe('parseNumberedReply', () => {
  it('It should map numbered lines to items and ignore lines it cannot place', () => {
    expect(parseNumberedReply('1: First.\nnoise\n3) Third.\n9: out of range', 3)).toEqual(['First.', undefined, 'Third.']);
  });
});
