import { describe, expect, it } from 'vitest';
import { extractOrganization } from '../../../../functions/domain/enrichment/extract-organization.ts';
import { parseJsonLdBlock } from '../../../../functions/domain/enrichment/json-ld.ts';
import { parsed } from './page-fixtures.ts';

const ld = (json: string) => `<script type="application/ld+json">${json}</script>`;
const orgOf = (head: string, bodyHtml = '', domain = 'acme.com') =>
  extractOrganization(parsed(`<html><head>${head}</head><body>${bodyHtml}</body></html>`, 'https://acme.com/'), domain);
const values = (org: ReturnType<typeof orgOf>) => Object.fromEntries(Object.entries(org).map(([k, v]) => [k, (v as { value: unknown }).value]));

describe('organisation data', () => {
  it('It should read every field of a JSON-LD Organization, with the page as provenance', () => {
    const org = orgOf(ld(JSON.stringify({
      '@context': 'https://schema.org', '@type': 'Corporation', name: 'Acme', legalName: 'Acme, Inc.', url: 'https://acme.com',
      telephone: '+1 415 555 2671', email: 'mailto:Hello@Acme.com', foundingDate: '2011-04-01',
      logo: { '@type': 'ImageObject', url: 'https://acme.com/logo.png' }, sameAs: ['https://twitter.com/acme', 'https://linkedin.com/company/acme'],
      numberOfEmployees: { '@type': 'QuantitativeValue', value: 250 }, description: 'Anvils for everyone.',
      address: { '@type': 'PostalAddress', streetAddress: '1 Market St', addressLocality: 'San Francisco', addressRegion: 'CA', postalCode: '94105', addressCountry: { '@type': 'Country', name: 'US' } },
    })));
    expect(values(org)).toEqual({
      name: 'Acme', legal_name: 'Acme, Inc.', telephone: '+1 415 555 2671', email: 'hello@acme.com', founding_date: '2011-04-01',
      logo: 'https://acme.com/logo.png', same_as: ['https://twitter.com/acme', 'https://linkedin.com/company/acme'], number_of_employees: 250,
      description: 'Anvils for everyone.', address: { street: '1 Market St', locality: 'San Francisco', region: 'CA', postal_code: '94105', country: 'US' },
    });
    expect(org.name?.source_url).toBe('https://acme.com/');
  });

  it('It should find a LocalBusiness subtype inside @graph and an array, preferring the node on the company\'s domain', () => {
    const org = orgOf(ld(JSON.stringify([{ '@context': 'https://schema.org', '@graph': [
      { '@type': 'WebSite', name: 'Acme site' },
      { '@type': 'Organization', name: 'Partner Co', url: 'https://partner.example.org' },
      { '@type': ['Dentist', 'MedicalClinic'], name: 'Acme Dental', url: 'https://www.acme.com/', numberOfEmployees: { minValue: '10', maxValue: '49' } },
    ] }])));
    expect(org.name?.value).toBe('Acme Dental');
    expect(org.number_of_employees?.value).toEqual({ min: 10, max: 49 });
  });

  it.each([
    ['a trailing comma', '{"@type":"Organization","name":"Acme",}'],
    ['raw newlines in a string', '{"@type":"Organization","name":"Acme","description":"line one\nline two"}'],
    ['an HTML comment wrapper', '<!-- {"@type":"Organization","name":"Acme"} -->'],
    ['an unquoted key beside a trailing comma', '{\n  "@type": "Organization",\n  legalName: "Acme Ltd",\n  "name": "Acme",\n}'],
  ])('It should tolerate malformed JSON-LD: %s', (_case, json) => {
    expect(orgOf(ld(json)).name?.value).toBe('Acme');
  });

  it('It should quote bare keys without touching text inside strings', () => {
    const org = orgOf(ld('{"@type":"Organization", name: "Acme", description: "Fast, reliable: always", "url": "https://acme.com",}'));
    expect([org.name?.value, org.description?.value]).toEqual(['Acme', 'Fast, reliable: always']);
  });

  it('It should skip JSON-LD that cannot be repaired and still read the rest of the page', () => {
    const org = orgOf(`${ld('{"@type": "Organization", "name": ')}${ld('{"@type":"Organization","name":"Acme"}')}`);
    expect(org.name?.value).toBe('Acme');
  });

  it('It should drop __proto__ and constructor keys without polluting any prototype', () => {
    const org = orgOf(ld('{"@type":"Organization","name":"Acme","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}'));
    expect(org.name?.value).toBe('Acme');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.hasOwn(parseJsonLdBlock('{"__proto__":{"a":1},"b":2}') as object, '__proto__')).toBe(false);
  });

  it('It should read schema.org microdata with a nested address', () => {
    const org = orgOf('', `<div itemscope itemtype="https://schema.org/Organization">
      <span itemprop="name">Acme Microdata</span><a itemprop="url" href="https://acme.com">site</a>
      <div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">
        <span itemprop="streetAddress">Hauptstr. 5</span><span itemprop="postalCode">10115</span><span itemprop="addressLocality">Berlin</span>
      </div><span itemprop="telephone">+49 30 1234567</span><meta itemprop="foundingDate" content="1999"></div>`);
    expect(values(org)).toMatchObject({ name: 'Acme Microdata', telephone: '+49 30 1234567', founding_date: '1999', address: { street: 'Hauptstr. 5', postal_code: '10115', locality: 'Berlin' } });
  });

  it('It should fall back to OpenGraph and meta for the name and description only', () => {
    const org = orgOf('<meta property="og:site_name" content="Acme OG"><meta name="description" content="We make anvils.">');
    expect(values(org)).toEqual({ name: 'Acme OG', description: 'We make anvils.' });
  });

  it('It should ignore a JSON-LD Person or Product as the organisation', () => {
    expect(orgOf(ld('{"@type":"Product","name":"Anvil 3000"}')).name).toBeUndefined();
  });

  it('It should skip a JSON-LD block over the size cap and a huge attribute without failing', () => {
    const huge = `{"@type":"Organization","name":"Acme","description":"${'x'.repeat(300_000)}"}`;
    const org = orgOf(`${ld(huge)}<meta property="og:site_name" content="${'y'.repeat(1_000_000)}">`);
    expect(org.name?.value.length).toBeLessThanOrEqual(4_096);
  });
});
