import { describe, expect, it } from 'vitest';
import { SiteFetchError } from '../../../../functions/domain/enrich-websites/crawl-ports.ts';
import { crawlSite } from '../../../../functions/domain/enrich-websites/crawl-site.ts';
import { enrichOptionsSchema } from '../../../../functions/domain/enrich-websites/job-data.ts';
import { CannedWeb, simpleExtractor } from './fakes.ts';

const options = (overrides: Record<string, unknown> = {}) => enrichOptionsSchema.parse(overrides);

describe('crawlSite', () => {
  it('It should read the home page, then the pages it links to, up to the page budget', async () => {
    // Prepare
    const web = new CannedWeb({
      'https://acme.test/': '<title>Acme</title><a data-page="/contact"></a><a data-page="/team"></a><a data-page="/jobs"></a>',
      'https://acme.test/contact': '<a href="mailto:info@acme.test">',
      'https://acme.test/team': '<a href="mailto:jane@acme.test">',
    });
    // Act
    const result = await crawlSite({ fetcher: web, renderer: web, extractor: simpleExtractor }, { domain: 'acme.test' }, options({ pages_per_site: 3 }));
    // Assess
    expect(web.fetched).toEqual(['https://acme.test/', 'https://acme.test/contact', 'https://acme.test/team']);
    expect(result.findings.emails.map((e) => e.address)).toEqual(['info@acme.test', 'jane@acme.test']);
    expect(result.pagesFetched).toBe(3);
    expect(result.browserPages).toBe(0);
  });

  it('It should fall back to http only when https cannot be reached', async () => {
    const web = new CannedWeb({ 'http://plain.test/': '<title>Plain</title>' });
    const result = await crawlSite({ fetcher: web, extractor: simpleExtractor }, { domain: 'plain.test' }, options());
    expect(web.fetched).toEqual(['https://plain.test/', 'http://plain.test/']);
    expect(result.homeUrl).toBe('http://plain.test/');
  });

  it('It should not fall back to http when https answered with a refusal', async () => {
    const web = new CannedWeb({ 'http://blocked.test/': 'x' }, { 'https://blocked.test/': new SiteFetchError('blocked_address', 'resolves to 10.0.0.1') });
    await expect(crawlSite({ fetcher: web, extractor: simpleExtractor }, { domain: 'blocked.test' }, options())).rejects.toMatchObject({ reason: 'blocked_address' });
    expect(web.fetched).toEqual(['https://blocked.test/']);
  });

  it('It should render a page that needs JavaScript in auto mode, and never in never mode', async () => {
    const pages = { 'https://spa.test/': '<div id="app"></div>', 'rendered:https://spa.test/': '<a href="mailto:sales@spa.test">' };
    const auto = new CannedWeb(pages);
    const rendered = await crawlSite({ fetcher: auto, renderer: auto, extractor: simpleExtractor }, { domain: 'spa.test' }, options());
    expect(auto.rendered).toEqual(['https://spa.test/']);
    expect(rendered.findings.emails.map((e) => e.address)).toEqual(['sales@spa.test']);
    expect(rendered.browserPages).toBe(1);

    const never = new CannedWeb(pages);
    const plain = await crawlSite({ fetcher: never, renderer: never, extractor: simpleExtractor }, { domain: 'spa.test' }, options({ browser: 'never' }));
    expect(never.rendered).toEqual([]);
    expect(plain.findings.emails).toEqual([]);
  });

  it('It should fetch every page over HTTP first (robots, guard, headers) and render each in always mode', async () => {
    const web = new CannedWeb({ 'https://acme.test/': '<a data-page="/contact"></a>', 'https://acme.test/contact': 'x' });
    await crawlSite({ fetcher: web, renderer: web, extractor: simpleExtractor }, { domain: 'acme.test' }, options({ browser: 'always' }));
    expect(web.fetched).toEqual(['https://acme.test/', 'https://acme.test/contact']);
    expect(web.rendered).toEqual(['https://acme.test/', 'https://acme.test/contact']);
  });

  it('It should keep going when a sub-page fails, and say which', async () => {
    const web = new CannedWeb(
      { 'https://acme.test/': '<a data-page="/private"></a><a data-page="/about"></a>', 'https://acme.test/about': '<a href="mailto:hi@acme.test">' },
      { 'https://acme.test/private': new SiteFetchError('robots_disallowed', 'robots.txt disallows /private') },
    );
    const result = await crawlSite({ fetcher: web, extractor: simpleExtractor }, { domain: 'acme.test' }, options());
    expect(result.pageFailures).toEqual([{ url: 'https://acme.test/private', reason: 'robots_disallowed' }]);
    expect(result.findings.emails.map((e) => e.address)).toEqual(['hi@acme.test']);
  });
});
