import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadFingerprintDir } from '../../../../functions/domain/enrichment/fingerprint-loader.ts';
import { fingerprintsFor, shippedFingerprints } from '../../../../functions/domain/enrichment/shipped-fingerprints.ts';
import { detectTechnologies } from '../../../../functions/domain/enrichment/technology-matcher.ts';
import type { FetchedPage } from '../../../../functions/domain/enrichment/site-extraction.ts';
import { body, parsed } from './page-fixtures.ts';

const SHIPPED_DIR = fileURLToPath(new URL('../../../../functions/domain/enrichment/fingerprints/', import.meta.url));
const set = shippedFingerprints();
const detected = (html: string, extra: Partial<FetchedPage> = {}) => detectTechnologies(parsed(html, 'https://www.acme.com/', extra), set);

describe('the shipped fingerprint set', () => {
  it('It should hold at least 150 technologies, each in a known category', () => {
    expect(set.technologies.size).toBeGreaterThanOrEqual(150);
    for (const tech of set.technologies.values()) expect(tech.categories.length, tech.name).toBeGreaterThan(0);
  });

  it('It should compile every pattern (none refused)', () => {
    expect(set.refused).toEqual([]);
  });

  it('It should name only known technologies in implies, requires and excludes', () => {
    for (const tech of set.technologies.values()) {
      for (const ref of [...tech.implies.map((i) => i.name), ...tech.requires, ...tech.excludes]) {
        expect(set.technologies.has(ref), `${tech.name} → ${ref}`).toBe(true);
      }
    }
  });

  it('It should read the same from its directory through the operator loader as from the bundle', () => {
    const fromDir = loadFingerprintDir(SHIPPED_DIR);
    expect([...fromDir.technologies.keys()].sort()).toEqual([...set.technologies.keys()].sort());
    expect(fingerprintsFor(undefined)).toBe(set);
  });

  it.each<[string, string, Partial<FetchedPage>, string[]]>([
    ['WordPress by generator, PHP and MySQL implied', '<meta name="generator" content="WordPress 6.5.3"><link rel="stylesheet" href="/wp-content/themes/x/style.css">', {}, ['WordPress', 'PHP', 'MySQL']],
    ['Shopify', '<script src="https://cdn.shopify.com/s/files/1/0001/theme.js"></script>', {}, ['Shopify']],
    ['Google Tag Manager snippet', body(`<script>(function(w,d,s,l,i){j.src='https://www.googletagmanager.com/gtm.js?id='+i})(window,document,'script','dataLayer','GTM-XXXX');</script>`), {}, ['Google Tag Manager']],
    ['GA4 through gtag', '<script async src="https://www.googletagmanager.com/gtag/js?id=G-ABC123"></script>', {}, ['Google Analytics']],
    ['HubSpot tracking code', '<script id="hs-script-loader" async defer src="//js.hs-scripts.com/1234567.js"></script>', {}, ['HubSpot']],
    ['Marketo Munchkin', body(`<script>Munchkin.init('123-ABC-456');</script><script src="//munchkin.marketo.net/munchkin.js"></script>`), {}, ['Marketo']],
    ['Intercom', body(`<script>window.intercomSettings = { app_id: "abc" };</script><script src="https://widget.intercom.io/widget/abc"></script>`), {}, ['Intercom']],
    ['Zendesk widget', '<script id="ze-snippet" src="https://static.zdassets.com/ekr/snippet.js?key=abc"></script>', {}, ['Zendesk']],
    ['Stripe.js', '<script src="https://js.stripe.com/v3/"></script>', {}, ['Stripe']],
    ['Cloudflare by headers', body(''), { headers: { server: 'cloudflare', 'cf-ray': '8a1b2c3d4e5f-FRA' } }, ['Cloudflare']],
    ['CloudFront implies AWS', body(''), { headers: { via: '1.1 abc.cloudfront.net (CloudFront)', 'x-amz-cf-id': 'x' } }, ['Amazon CloudFront', 'Amazon Web Services']],
    ['Next.js implies React', '<div id="__next"></div><script src="/_next/static/chunks/main-abc.js"></script>', {}, ['Next.js', 'React']],
    ['Nuxt implies Vue.js', '<div id="__nuxt"></div><script src="/_nuxt/entry.abc.js"></script>', {}, ['Nuxt', 'Vue.js']],
    ['jQuery with a version', '<script src="https://code.jquery.com/jquery-3.7.1.min.js"></script>', {}, ['jQuery']],
    ['OneTrust', '<script src="https://cdn.cookielaw.org/scripttemplates/otSDKStub.js" data-domain-script="x"></script>', {}, ['OneTrust']],
    ['Cookiebot', '<script id="Cookiebot" src="https://consent.cookiebot.com/uc.js" data-cbid="x"></script>', {}, ['Cookiebot']],
    ['Optimizely', '<script src="https://cdn.optimizely.com/js/123456.js"></script>', {}, ['Optimizely']],
    ['Hotjar', body(`<script>(function(h,o,t,j,a,r){h._hjSettings={hjid:1};a.src='https://static.hotjar.com/c/hotjar-'+h._hjSettings.hjid+'.js'})(window,document)</script>`), {}, ['Hotjar']],
    ['Wistia', '<script src="https://fast.wistia.com/assets/external/E-v1.js" async></script>', {}, ['Wistia']],
    ['Google Fonts', '<link href="https://fonts.googleapis.com/css2?family=Inter" rel="stylesheet">', {}, ['Google Fonts']],
    ['reCAPTCHA', '<script src="https://www.google.com/recaptcha/api.js"></script>', {}, ['reCAPTCHA']],
    ['Nginx version from the server header', body(''), { headers: { server: 'nginx/1.25.3' } }, ['Nginx']],
    ['Webflow', '<html data-wf-page="abc" data-wf-site="def"><meta name="generator" content="Webflow"></html>', {}, ['Webflow']],
    ['Drift', '<script src="https://js.driftt.com/include/1700000000/abc.js"></script>', {}, ['Drift']],
    ['Salesforce web-to-lead', body('<form action="https://webto.salesforce.com/servlet/servlet.WebToLead?encoding=UTF-8" method="POST"></form>'), {}, ['Salesforce']],
    ['jsDelivr by a stylesheet it serves', '<link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/bootstrap@5.3.2/dist/css/bootstrap.min.css">', {}, ['Bootstrap', 'jsDelivr']],
    ['Account Engagement (Pardot) implies Salesforce', '<script>piAId = "1001"; piCId = "1";</script>', {}, ['Salesforce', 'Salesforce Account Engagement']],
    ['Calendly', '<script src="https://assets.calendly.com/assets/external/widget.js" async></script>', {}, ['Calendly']],
    ['LinkedIn Insight Tag', body(`<script>_linkedin_partner_id = "123";</script>`), {}, ['LinkedIn Insight Tag']],
    ['Sentry', '<script src="https://browser.sentry-cdn.com/7.100.0/bundle.min.js"></script>', {}, ['Sentry']],
  ])('It should detect %s', (_case, html, extra, expected) => {
    expect(detected(html, extra).map((d) => d.name).sort()).toEqual([...expected].sort());
  });

  it('It should read versions where the page states them', () => {
    const versions = Object.fromEntries(detected('<meta name="generator" content="WordPress 6.5.3"><script src="https://code.jquery.com/jquery-3.7.1.min.js"></script>', { headers: { server: 'nginx/1.25.3' } }).map((d) => [d.name, d.version]));
    expect(versions).toMatchObject({ WordPress: '6.5.3', jQuery: '3.7.1', Nginx: '1.25.3' });
  });

  it('It should detect nothing on a bare page and not mistake decoys in prose', () => {
    expect(detected(body('<p>We compared Shopify, WordPress and HubSpot for our blog. Try cdn dot shopify dot com.</p>'))).toEqual([]);
  });

  it('It should not detect WooCommerce without WordPress', () => {
    expect(detected(body('<div class="woocommerce">x</div>')).map((d) => d.name)).toEqual([]);
  });

});
