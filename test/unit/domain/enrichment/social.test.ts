import { describe, expect, it } from 'vitest';
import { extractSocialProfiles } from '../../../../functions/domain/enrichment/extract-social.ts';
import { classifySocialUrl } from '../../../../functions/domain/enrichment/social-profiles.ts';
import { body, parsed } from './page-fixtures.ts';

describe('social profiles', () => {
  it.each([
    ['https://www.linkedin.com/company/Acme-Inc/', 'linkedin', 'https://linkedin.com/company/acme-inc'],
    ['https://uk.linkedin.com/company/acme-inc/about/?trk=foo', 'linkedin', 'https://linkedin.com/company/acme-inc'],
    ['http://twitter.com/AcmeHQ?ref_src=twsrc', 'x', 'https://x.com/acmehq'],
    ['https://x.com/AcmeHQ#top', 'x', 'https://x.com/acmehq'],
    ['https://m.facebook.com/AcmeInc/', 'facebook', 'https://facebook.com/acmeinc'],
    ['https://www.instagram.com/acme.inc/', 'instagram', 'https://instagram.com/acme.inc'],
    ['https://www.youtube.com/@AcmeTV', 'youtube', 'https://youtube.com/@acmetv'],
    ['https://www.youtube.com/channel/UCaBcDeFgHiJkLmNoPqRsTuV', 'youtube', 'https://youtube.com/channel/UCaBcDeFgHiJkLmNoPqRsTuV'],
    ['https://github.com/Acme-Labs', 'github', 'https://github.com/acme-labs'],
    ['https://www.tiktok.com/@AcmeOfficial?lang=en', 'tiktok', 'https://tiktok.com/@acmeofficial'],
    ['//www.linkedin.com/company/acme', 'linkedin', 'https://linkedin.com/company/acme'],
  ])('It should canonicalise %s', (href, network, url) => {
    expect(classifySocialUrl(href)).toEqual({ network, url });
  });

  it.each([
    'https://twitter.com/intent/tweet?text=Hello&url=https://acme.com',
    'https://twitter.com/share?url=x',
    'https://www.facebook.com/sharer/sharer.php?u=https://acme.com',
    'https://www.facebook.com/tr?id=123456&ev=PageView&noscript=1',
    'https://www.linkedin.com/shareArticle?mini=true&url=x',
    'https://www.linkedin.com/sharing/share-offsite/?url=x',
    'https://pinterest.com/pin/create/button/?url=x',
    'https://www.instagram.com/p/Cx1234/',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://www.youtube.com/embed/dQw4w9WgXcQ',
    'https://github.com/vercel/next.js',
    'https://www.tiktok.com/embed/v2/123',
    'https://twitter.com/acme/status/1234567890',
    'javascript:alert(1)',
    'https://notlinkedin.com/company/acme',
  ])('It should not take %s for a company profile', (href) => {
    const match = classifySocialUrl(href);
    expect(match === undefined || match.network === 'linkedin-person').toBe(true);
  });

  it.each([
    ['an upper-case host', 'https://LinkedIn.COM/company/acme'],
    ['an escaped host', 'https://linked%69n.com/company/acme'],
    ['full-width letters', 'https://ｌｉｎｋｅｄｉｎ.com/company/acme'],
    ['a tab inside the host', 'https://linked\tin.com/company/acme'],
  ])('It should still recognise a profile whose host is written with %s', (_case, href) => {
    expect(classifySocialUrl(href)).toEqual({ network: 'linkedin', url: 'https://linkedin.com/company/acme' });
  });

  it('It should keep personal LinkedIn profiles apart from the company\'s', () => {
    expect(classifySocialUrl('https://www.linkedin.com/in/Jane-Doe-123/')).toEqual({ network: 'linkedin-person', url: 'https://linkedin.com/in/jane-doe-123' });
    const profiles = extractSocialProfiles(parsed(body('<a href="https://www.linkedin.com/in/jane-doe">Jane</a><a href="https://linkedin.com/company/acme">Us</a>')));
    expect(profiles.map((p) => p.url)).toEqual(['https://linkedin.com/company/acme']);
  });

  it('It should deduplicate variants of one profile from a footer, with the page as provenance', () => {
    const html = body(`<footer>
      <a href="https://www.facebook.com/sharer.php?u=x">Share</a>
      <a href="https://twitter.com/AcmeHQ">X</a><a href="https://x.com/acmehq/">X again</a>
      <img src="https://www.facebook.com/tr?id=1&ev=PageView">
      <a href="https://facebook.com/acme">Facebook</a></footer>`);
    const profiles = extractSocialProfiles(parsed(html, 'https://acme.com/about'));
    expect(profiles).toEqual([
      { network: 'x', url: 'https://x.com/acmehq', source_url: 'https://acme.com/about' },
      { network: 'facebook', url: 'https://facebook.com/acme', source_url: 'https://acme.com/about' },
    ]);
  });
});
