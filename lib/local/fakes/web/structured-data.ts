/**
 * Organisation data in the shapes sites really publish: JSON-LD (alone, inside @graph, as a
 * LocalBusiness, or broken), microdata on the visible address, or nothing.
 */
import { escapeHtml } from './html-blocks.ts';
import type { OrganizationTruth } from './site-truth.ts';

function organizationObject(org: OrganizationTruth, type: string): Record<string, unknown> {
  return {
    '@type': type,
    name: org.name,
    legalName: org.legalName,
    url: org.url,
    logo: org.logo,
    description: org.description,
    email: org.email,
    telephone: org.telephone,
    foundingDate: org.foundingDate,
    numberOfEmployees: { '@type': 'QuantitativeValue', value: org.numberOfEmployees },
    address: { '@type': 'PostalAddress', ...org.address },
    sameAs: org.sameAs,
  };
}

const script = (json: string): string => `<script type="application/ld+json">\n${json}\n</script>`;

/** The JSON-LD script for the home page's head, or undefined when the site uses none. */
export function renderJsonLd(org: OrganizationTruth): string | undefined {
  switch (org.markup) {
    case 'json-ld':
      return script(JSON.stringify({ '@context': 'https://schema.org', ...organizationObject(org, 'Organization') }, null, 2));
    case 'json-ld-local-business':
      return script(JSON.stringify({ '@context': 'https://schema.org', ...organizationObject(org, 'LocalBusiness'), openingHours: 'Mo-Fr 09:00-17:00' }));
    case 'json-ld-graph':
      return script(JSON.stringify({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebSite', '@id': `${org.url}#website`, url: org.url, name: org.name },
          { ...organizationObject(org, 'Organization'), '@id': `${org.url}#organization` },
          { '@type': 'WebPage', '@id': `${org.url}#webpage`, isPartOf: { '@id': `${org.url}#website` } },
        ],
      }));
    case 'malformed-json-ld': {
      // A trailing comma and an unquoted key: what a hand-edited theme template often ships.
      const valid = JSON.stringify({ '@context': 'https://schema.org', ...organizationObject(org, 'Organization') }, null, 2);
      return script(valid.replace('"legalName":', 'legalName:').replace(/\n}$/, ',\n}'));
    }
    case 'microdata':
    case 'none':
      return undefined;
  }
}

/** The visible address block; with microdata markup it carries itemscope/itemprop attributes. */
export function renderAddressBlock(org: OrganizationTruth, withMicrodata: boolean): string {
  const a = org.address;
  const prop = (name: string): string => (withMicrodata ? ` itemprop="${name}"` : '');
  const locality = [a.postalCode, a.addressLocality, a.addressRegion].filter(Boolean).join(' ');
  if (!withMicrodata) {
    return `<address>${escapeHtml(org.legalName)}<br>${escapeHtml(a.streetAddress)}<br>${escapeHtml(locality)}<br>${a.addressCountry}</address>`;
  }
  return [
    '<div itemscope itemtype="https://schema.org/Organization">',
    `<meta itemprop="name" content="${escapeHtml(org.name)}">`,
    `<span itemprop="legalName">${escapeHtml(org.legalName)}</span>`,
    `<link itemprop="url" href="${org.url}"><img itemprop="logo" src="${org.logo}" alt="">`,
    `<meta itemprop="foundingDate" content="${org.foundingDate}">`,
    `<meta itemprop="numberOfEmployees" content="${org.numberOfEmployees}">`,
    `<meta itemprop="description" content="${escapeHtml(org.description)}">`,
    '<div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">',
    `<span${prop('streetAddress')}>${escapeHtml(a.streetAddress)}</span>,`,
    `<span${prop('postalCode')}>${escapeHtml(a.postalCode)}</span> <span${prop('addressLocality')}>${escapeHtml(a.addressLocality)}</span>`,
    a.addressRegion ? `<span${prop('addressRegion')}>${a.addressRegion}</span>` : '',
    `<meta${prop('addressCountry')} content="${a.addressCountry}">`,
    '</div>',
    `<meta itemprop="telephone" content="${org.telephone}"><meta itemprop="email" content="${org.email}">`,
    ...org.sameAs.map((u) => `<link itemprop="sameAs" href="${u}">`),
    '</div>',
  ].filter(Boolean).join('\n');
}
