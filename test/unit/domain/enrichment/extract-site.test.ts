import { describe, expect, it } from 'vitest';
import { extractSite } from '../../../../functions/domain/enrichment/extract-site.ts';
import { compileFingerprintSet } from '../../../../functions/domain/enrichment/fingerprint-set.ts';
import { body, fetched } from './page-fixtures.ts';

const HOME_HTML = `<!doctype html><html><head><title>Acme</title>
  <meta name="generator" content="WordPress 6.5">
  <script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","name":"Acme","url":"https://acme.com",
    "telephone":"(415) 555-2671","email":"hello@acme.com","sameAs":["https://www.linkedin.com/company/acme/","https://github.com/acme"]}</script>
  <script src="https://js.hs-scripts.com/123.js"></script></head>
  <body><footer><a href="mailto:sales@acme.com">Sales</a><a href="https://twitter.com/intent/tweet?url=x">Tweet this</a>
  <a href="https://twitter.com/AcmeHQ">X</a><img src="https://www.facebook.com/tr?id=1"></footer></body></html>`;
const CONTACT_HTML = body(`<p>Phone: +1 415 555 2671</p><p>Support: support [at] acme [dot] com</p><a href="https://x.com/acmehq">X</a>
  <script type="application/ld+json">{"@type":"Organization","name":"Acme Contact Page","legalName":"Acme, Inc.","foundingDate":"2010"}</script>`);
const TEAM_HTML = body(`<div class="card"><h3>Jane Smith</h3><p>Chief Executive Officer</p></div>
  <div class="card"><h3>Tom Baker</h3><p>Head of Sales</p><a href="mailto:tom@acme.com">mail</a></div>`);

describe('extractSite', () => {
  const result = extractSite(
    [
      fetched(HOME_HTML, 'https://acme.com/', { headers: { server: 'nginx' } }),
      fetched(CONTACT_HTML, 'https://acme.com/contact'),
      fetched(TEAM_HTML, 'https://acme.com/team'),
      fetched(body('<p>Not found: lost@acme.com</p>'), 'https://acme.com/missing', { status: 404 }),
    ],
    { companyDomain: 'acme.com', defaultCountry: 'US' },
  );

  it('It should merge emails from links, text, obfuscations and JSON-LD, each with the page it came from', () => {
    expect(result.emails.map((e) => [e.email, e.kind, e.source_url])).toEqual([
      ['sales@acme.com', 'role', 'https://acme.com/'],
      ['support@acme.com', 'role', 'https://acme.com/contact'],
      ['tom@acme.com', 'personal', 'https://acme.com/team'],
      ['hello@acme.com', 'role', 'https://acme.com/'],
    ]);
  });

  it('It should keep one phone per number, from the first page that had it', () => {
    expect(result.phones).toEqual([{ phone: '+14155552671', source_url: 'https://acme.com/contact' }]);
  });

  it('It should merge social profiles from links and sameAs, without share links or pixels', () => {
    expect(result.social_profiles.map((p) => p.url).sort()).toEqual(['https://github.com/acme', 'https://linkedin.com/company/acme', 'https://x.com/acmehq']);
  });

  it('It should take each organisation field from the first page that states it', () => {
    expect(result.organization.name).toEqual({ value: 'Acme', source_url: 'https://acme.com/' });
    expect(result.organization.legal_name).toEqual({ value: 'Acme, Inc.', source_url: 'https://acme.com/contact' });
    expect(result.organization.founding_date?.value).toBe('2010');
  });

  it('It should list technologies once, with categories and provenance', () => {
    const byName = Object.fromEntries(result.technologies.map((t) => [t.name, t]));
    expect(Object.keys(byName)).toEqual(expect.arrayContaining(['WordPress', 'HubSpot', 'Nginx', 'PHP', 'MySQL', 'Meta Pixel']));
    expect(byName['HubSpot']).toMatchObject({ categories: ['CRM', 'Marketing automation'], confidence: 100, source_url: 'https://acme.com/' });
  });

  it('It should turn team cards into people', () => {
    expect(result.people.map((p) => [p.first_name, p.last_name, p.title, p.email, p.source_url])).toEqual([
      ['Jane', 'Smith', 'Chief Executive Officer', undefined, 'https://acme.com/team'],
      ['Tom', 'Baker', 'Head of Sales', 'tom@acme.com', 'https://acme.com/team'],
    ]);
  });

  it('It should ignore pages that did not answer 2xx', () => {
    expect(result.emails.some((e) => e.email === 'lost@acme.com')).toBe(false);
  });

  it('It should use a fingerprint set passed in instead of the shipped one', () => {
    const own = compileFingerprintSet([{ Anvil: { cats: [1], html: 'anvil-widget' } }], { '1': { name: 'Widgets' } });
    const site = extractSite([fetched(body('<div class="anvil-widget"></div><script src="https://js.stripe.com/v3/"></script>'))], { companyDomain: 'acme.com', fingerprints: own });
    expect(site.technologies.map((t) => t.name)).toEqual(['Anvil']);
  });

  it('It should use browser data for dom and js fingerprints only when the page came from the browser', () => {
    const own = compileFingerprintSet([{ SpaKit: { cats: [1], js: { SpaKit: '' } } }], { '1': { name: 'Frameworks' } });
    const plain = extractSite([fetched(body(''))], { companyDomain: 'acme.com', fingerprints: own });
    const rendered = extractSite([fetched(body(''), undefined, { browser: { js: { SpaKit: {} } } })], { companyDomain: 'acme.com', fingerprints: own });
    expect([plain.technologies.length, rendered.technologies.map((t) => t.name)]).toEqual([0, ['SpaKit']]);
  });

  it.each([
    ['a megabyte attribute', `<div data-x="${'a'.repeat(1_000_000)}"></div><a href="mailto:ok@acme.com">m</a>`],
    ['deep nesting', `${'<div>'.repeat(5_000)}<a href="mailto:ok@acme.com">m</a>${'</div>'.repeat(5_000)}`],
    ['unclosed tags and junk', '<div><p><a href="mailto:ok@acme.com">m<table><tr><td>x</div></span></body><<<>>>'],
    ['a megabyte of letters', `<p>${'x'.repeat(1_000_000)}</p><a href="mailto:ok@acme.com">m</a>`],
  ])('It should survive %s and still extract', (_case, inner) => {
    const site = extractSite([fetched(body(inner))], { companyDomain: 'acme.com' });
    expect(site.emails.map((e) => e.email)).toEqual(['ok@acme.com']);
  });

  it('It should return empty results for no pages', () => {
    expect(extractSite([], { companyDomain: 'acme.com' })).toEqual({ emails: [], phones: [], social_profiles: [], organization: {}, technologies: [], people: [] });
  });
});
