/**
 * The technologies fake sites use, each expressed through the markers real sites carry: CDN
 * script URLs, inline globals, generator meta tags, response headers and cookies. A fingerprint
 * matcher that knows the real products should recognise every one of them.
 */
import type { Rng } from './prng.ts';

export interface TechnologyMarkers {
  readonly scriptSrc?: readonly string[];
  readonly inlineScript?: string;
  readonly metaGenerator?: string;
  readonly headHtml?: string;
  readonly bodyHtml?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** `name=value` pairs sent as Set-Cookie on the home page. */
  readonly cookies?: readonly string[];
}

/** Technologies that exclude each other on one site (one CMS, one CDN, one web server). */
export type TechnologyGroup = 'cms' | 'cdn' | 'server' | 'framework' | 'chat' | 'consent' | 'marketing-automation';

export interface TechnologyDefinition {
  readonly name: string;
  readonly category: string;
  readonly groups?: readonly TechnologyGroup[];
  readonly version?: string;
  /** Technologies that come with this one (Next.js runs React); the truth lists them too. */
  readonly implies?: readonly string[];
  /** Public CDNs the markers load from: a matcher rightly names them, so the truth lists them too. */
  readonly cdns?: readonly string[];
  markers(rng: Rng): TechnologyMarkers;
}

const tech = (
  name: string, category: string, markers: (rng: Rng) => TechnologyMarkers,
  extra: Partial<Pick<TechnologyDefinition, 'groups' | 'version' | 'implies' | 'cdns'>> = {},
): TechnologyDefinition => ({ name, category, markers, ...extra });

const ANALYTICS: readonly TechnologyDefinition[] = [
  tech('Google Analytics', 'Analytics', (r) => {
    const id = `G-${r.hex(10).toUpperCase()}`;
    return {
      scriptSrc: [`https://www.googletagmanager.com/gtag/js?id=${id}`],
      inlineScript: `window.dataLayer = window.dataLayer || [];\nfunction gtag(){dataLayer.push(arguments);}\ngtag('js', new Date());\ngtag('config', '${id}');`,
      cookies: [`_ga=GA1.1.${r.digits(9)}.${r.digits(10)}`],
    };
  }),
  tech('Google Tag Manager', 'Tag managers', (r) => {
    const id = `GTM-${r.hex(7).toUpperCase()}`;
    return {
      inlineScript: `(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i;f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','${id}');`,
      bodyHtml: `<noscript><iframe src="https://www.googletagmanager.com/ns.html?id=${id}" height="0" width="0" style="display:none"></iframe></noscript>`,
    };
  }),
  tech('Segment', 'Customer data platform', (r) => ({
    scriptSrc: [`https://cdn.segment.com/analytics.js/v1/${r.hex(24)}/analytics.min.js`],
    inlineScript: `window.analytics = window.analytics || []; analytics.page();`,
    cookies: [`ajs_anonymous_id=${r.hex(8)}-${r.hex(4)}-${r.hex(4)}`],
  })),
  tech('Hotjar', 'Analytics', (r) => {
    const id = r.digits(7);
    return {
      scriptSrc: [`https://static.hotjar.com/c/hotjar-${id}.js?sv=6`],
      inlineScript: `window.hj=window.hj||function(){(hj.q=hj.q||[]).push(arguments)};window._hjSettings={hjid:${id},hjsv:6};`,
      cookies: [`_hjSessionUser_${id}=${r.hex(16)}`],
    };
  }),
  tech('Mixpanel', 'Analytics', () => ({ scriptSrc: ['https://cdn.mxpnl.com/libs/mixpanel-2-latest.min.js'], inlineScript: `mixpanel.init("${'0'.repeat(4)}token");` })),
  tech('Amplitude', 'Analytics', () => ({ scriptSrc: ['https://cdn.amplitude.com/libs/analytics-browser-2.7.4-min.js.gz'] })),
  tech('Heap', 'Analytics', (r) => ({ scriptSrc: [`https://cdn.heapanalytics.com/js/heap-${r.digits(10)}.js`], inlineScript: 'window.heap=window.heap||[];' })),
  tech('Plausible', 'Analytics', () => ({ scriptSrc: ['https://plausible.io/js/script.js'] })),
  tech('Microsoft Clarity', 'Analytics', (r) => ({ scriptSrc: [`https://www.clarity.ms/tag/${r.hex(10)}`], cookies: [`_clck=${r.hex(8)}`] })),
  // Renamed from Facebook Pixel in 2022; fingerprint sets use the current product name.
  tech('Meta Pixel', 'Advertising', (r) => ({
    scriptSrc: ['https://connect.facebook.net/en_US/fbevents.js'],
    inlineScript: `fbq('init', '${r.digits(15)}'); fbq('track', 'PageView');`,
    cookies: [`_fbp=fb.1.${r.digits(13)}.${r.digits(9)}`],
  })),
  tech('LinkedIn Insight Tag', 'Advertising', (r) => ({
    scriptSrc: ['https://snap.licdn.com/li.lms-analytics/insight.min.js'],
    inlineScript: `_linkedin_partner_id = "${r.digits(7)}"; window._linkedin_data_partner_ids = window._linkedin_data_partner_ids || [];`,
  })),
];

const MARKETING: readonly TechnologyDefinition[] = [
  tech('HubSpot', 'Marketing automation', (r) => ({
    scriptSrc: [`https://js.hs-scripts.com/${r.digits(7)}.js`],
    cookies: [`hubspotutk=${r.hex(32)}`, `__hstc=${r.digits(9)}.${r.hex(32)}`],
  }), { groups: ['marketing-automation'] }),
  tech('Marketo', 'Marketing automation', (r) => ({
    scriptSrc: ['https://munchkin.marketo.net/munchkin.js'],
    inlineScript: `Munchkin.init('${r.digits(3)}-${r.hex(3).toUpperCase()}-${r.digits(3)}');`,
    cookies: [`_mkto_trk=id:${r.digits(3)}-ABC-${r.digits(3)}&token:_mch-example-${r.digits(13)}`],
  }), { groups: ['marketing-automation'] }),
  // Pardot's current name; an Account Engagement account always runs on a Salesforce org.
  tech('Salesforce Account Engagement', 'Marketing automation', (r) => ({
    inlineScript: `piAId = '${r.digits(6)}'; piCId = '${r.digits(4)}'; piHostname = 'pi.pardot.com';`,
    scriptSrc: ['https://pi.pardot.com/pd.js'],
  }), { groups: ['marketing-automation'], implies: ['Salesforce'] }),
  tech('Salesforce', 'CRM', (r) => ({
    bodyHtml: `<form class="newsletter" action="https://webto.salesforce.com/servlet/servlet.WebToLead?encoding=UTF-8" method="POST"><input type="hidden" name="oid" value="00D${r.hex(12).toUpperCase()}"><input type="email" name="email" placeholder="Work email"><button>Subscribe</button></form>`,
  })),
  tech('Mailchimp', 'Email marketing', (r) => ({ scriptSrc: [`https://chimpstatic.com/mcjs-connected/js/users/${r.hex(24)}/${r.hex(24)}.js`] })),
  tech('Optimizely', 'A/B testing', (r) => ({ scriptSrc: [`https://cdn.optimizely.com/js/${r.digits(11)}.js`] })),
  tech('Calendly', 'Scheduling', () => ({ scriptSrc: ['https://assets.calendly.com/assets/external/widget.js'], headHtml: '<link href="https://assets.calendly.com/assets/external/widget.css" rel="stylesheet">' })),
  tech('Typeform', 'Forms', () => ({ scriptSrc: ['https://embed.typeform.com/next/embed.js'] })),
];

const CHAT: readonly TechnologyDefinition[] = [
  tech('Intercom', 'Live chat', (r) => {
    const app = r.hex(8);
    return { scriptSrc: [`https://widget.intercom.io/widget/${app}`], inlineScript: `window.intercomSettings = { api_base: "https://api-iam.intercom.io", app_id: "${app}" };`, cookies: [`intercom-id-${app}=${r.hex(8)}-${r.hex(4)}`] };
  }, { groups: ['chat'] }),
  tech('Drift', 'Live chat', (r) => ({ scriptSrc: [`https://js.driftt.com/include/${r.digits(10)}/${r.hex(12)}.js`], inlineScript: `drift.SNIPPET_VERSION = '0.3.1'; drift.load('${r.hex(12)}');` }), { groups: ['chat'] }),
  tech('Zendesk', 'Live chat', (r) => ({ scriptSrc: [`https://static.zdassets.com/ekr/snippet.js?key=${r.hex(8)}-${r.hex(4)}-${r.hex(4)}`], headHtml: '' }), { groups: ['chat'] }),
  tech('LiveChat', 'Live chat', (r) => ({ scriptSrc: ['https://cdn.livechatinc.com/tracking.js'], inlineScript: `window.__lc = window.__lc || {}; window.__lc.license = ${r.digits(8)};` }), { groups: ['chat'] }),
  tech('Crisp', 'Live chat', (r) => ({ scriptSrc: ['https://client.crisp.chat/l.js'], inlineScript: `window.$crisp=[];window.CRISP_WEBSITE_ID="${r.hex(8)}-${r.hex(4)}-${r.hex(4)}";` }), { groups: ['chat'] }),
  tech('Tawk.to', 'Live chat', (r) => ({ scriptSrc: [`https://embed.tawk.to/${r.hex(24)}/default`] }), { groups: ['chat'] }),
];

const CMS: readonly TechnologyDefinition[] = [
  tech('WordPress', 'CMS', () => ({
    metaGenerator: 'WordPress 6.4.3',
    headHtml: '<link rel="stylesheet" href="/wp-content/themes/corporate/style.css?ver=6.4.3"><link rel="https://api.w.org/" href="/wp-json/">',
    scriptSrc: ['/wp-includes/js/jquery/jquery.min.js?ver=3.7.1'],
  }), { groups: ['cms'], version: '6.4.3', implies: ['PHP', 'jQuery', 'MySQL'] }),
  tech('Webflow', 'CMS', (r) => ({
    metaGenerator: 'Webflow',
    headHtml: `<link href="https://assets.website-files.com/${r.hex(24)}/css/site.webflow.css" rel="stylesheet">`,
    scriptSrc: [`https://assets.website-files.com/${r.hex(24)}/js/webflow.js`],
  }), { groups: ['cms'] }),
  tech('Shopify', 'E-commerce', (r) => ({
    scriptSrc: [`https://cdn.shopify.com/s/files/1/0${r.digits(3)}/${r.digits(4)}/t/2/assets/theme.js`],
    inlineScript: `var Shopify = Shopify || {}; Shopify.shop = "store-${r.hex(6)}.myshopify.com";`,
    headers: { 'x-shopid': r.digits(8), 'x-shopify-stage': 'production' },
    cookies: [`_shopify_y=${r.hex(8)}-${r.hex(4)}`],
  }), { groups: ['cms'] }),
  tech('Squarespace', 'CMS', () => ({ headHtml: '<link rel="stylesheet" href="https://static1.squarespace.com/static/versioned-site-css/site.css">', inlineScript: 'Static.SQUARESPACE_CONTEXT = {};' }), { groups: ['cms'] }),
  tech('Wix', 'CMS', () => ({ metaGenerator: 'Wix.com Website Builder', headHtml: '<link rel="preconnect" href="https://static.wixstatic.com">', headers: { 'x-wix-request-id': '1700000000.123' } }), { groups: ['cms'] }),
  tech('Drupal', 'CMS', () => ({ metaGenerator: 'Drupal 10 (https://www.drupal.org)', headers: { 'x-generator': 'Drupal 10 (https://www.drupal.org)' }, scriptSrc: ['/core/misc/drupal.js?v=10.2.3'] }), { groups: ['cms'], version: '10', implies: ['PHP'] }),
  tech('Ghost', 'CMS', () => ({ metaGenerator: 'Ghost 5.75', scriptSrc: ['https://cdn.jsdelivr.net/ghost/portal@~2.37/umd/portal.min.js'] }), { groups: ['cms'], version: '5.75', implies: ['Node.js'], cdns: ['jsDelivr'] }),
];

const PAYMENTS: readonly TechnologyDefinition[] = [
  tech('Stripe', 'Payment processors', () => ({ scriptSrc: ['https://js.stripe.com/v3/'] })),
  tech('PayPal', 'Payment processors', (r) => ({ scriptSrc: [`https://www.paypal.com/sdk/js?client-id=${r.hex(20)}&currency=USD`] })),
  tech('Paddle', 'Payment processors', () => ({ scriptSrc: ['https://cdn.paddle.com/paddle/v2/paddle.js'] })),
];

const INFRASTRUCTURE: readonly TechnologyDefinition[] = [
  tech('Cloudflare', 'CDN', (r) => ({ headers: { server: 'cloudflare', 'cf-ray': `${r.hex(16)}-${r.pick(['FRA', 'AMS', 'SJC', 'LHR'])}`, 'cf-cache-status': 'DYNAMIC' }, cookies: [`__cf_bm=${r.hex(32)}`] }), { groups: ['cdn', 'server'] }),
  tech('Fastly', 'CDN', (r) => ({ headers: { 'x-served-by': `cache-fra-eddf82${r.digits(2)}-FRA`, via: '1.1 varnish', 'x-fastly-request-id': r.hex(40) } }), { groups: ['cdn'], implies: ['Varnish'] }),
  tech('Amazon CloudFront', 'CDN', (r) => ({ headers: { via: `1.1 ${r.hex(32)}.cloudfront.net (CloudFront)`, 'x-amz-cf-id': r.hex(40), 'x-amz-cf-pop': 'FRA56-P1' } }), { groups: ['cdn'], implies: ['Amazon Web Services'] }),
  tech('Akamai', 'CDN', () => ({ headers: { 'x-akamai-transformed': '9 - 0 pmb=mRUM,1', 'server-timing': 'ak_p; desc="1700000000_388";dur=1' } }), { groups: ['cdn'] }),
  tech('Vercel', 'PaaS', (r) => ({ headers: { server: 'Vercel', 'x-vercel-id': `fra1::${r.hex(5)}-${r.digits(13)}-${r.hex(12)}`, 'x-vercel-cache': 'HIT' } }), { groups: ['cdn', 'server'] }),
  tech('Netlify', 'PaaS', (r) => ({ headers: { server: 'Netlify', 'x-nf-request-id': `01${r.hex(24).toUpperCase()}` } }), { groups: ['cdn', 'server'] }),
  tech('Nginx', 'Web servers', () => ({ headers: { server: 'nginx/1.24.0' } }), { groups: ['server'], version: '1.24.0' }),
  tech('Apache HTTP Server', 'Web servers', () => ({ headers: { server: 'Apache/2.4.58 (Ubuntu)' } }), { groups: ['server'], version: '2.4.58' }),
  tech('Express', 'Web frameworks', () => ({ headers: { 'x-powered-by': 'Express' } }), { groups: ['framework'], implies: ['Node.js'] }),
];

const FRONTEND: readonly TechnologyDefinition[] = [
  tech('Next.js', 'JavaScript frameworks', (r) => ({
    headers: { 'x-powered-by': 'Next.js' },
    scriptSrc: [`/_next/static/chunks/main-${r.hex(16)}.js`, `/_next/static/chunks/pages/_app-${r.hex(16)}.js`],
    bodyHtml: `<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{}},"page":"/","buildId":"${r.hex(12)}"}</script>`,
  // React only: a Next.js site may be a static export on a CDN, so Node.js is not something its pages prove.
  }), { groups: ['framework'], implies: ['React'] }),
  tech('Nuxt', 'JavaScript frameworks', (r) => ({ scriptSrc: [`/_nuxt/${r.hex(8)}.js`], inlineScript: 'window.__NUXT__={config:{}};' }), { groups: ['framework'], implies: ['Vue.js'] }),
  tech('Gatsby', 'Static site generator', () => ({ metaGenerator: 'Gatsby 5.13.1', bodyHtml: '<div id="___gatsby"></div>' }), { groups: ['framework'], version: '5.13.1', implies: ['React'] }),
  tech('React', 'JavaScript frameworks', () => ({ scriptSrc: ['https://unpkg.com/react@18.2.0/umd/react.production.min.js', 'https://unpkg.com/react-dom@18.2.0/umd/react-dom.production.min.js'] }), { groups: ['framework'], version: '18.2.0', cdns: ['unpkg'] }),
  tech('Vue.js', 'JavaScript frameworks', () => ({ scriptSrc: ['https://unpkg.com/vue@3.4.15/dist/vue.global.prod.js'] }), { groups: ['framework'], version: '3.4.15', cdns: ['unpkg'] }),
  tech('Angular', 'JavaScript frameworks', () => ({ bodyHtml: '<app-root ng-version="17.1.0"></app-root>' }), { groups: ['framework'], version: '17.1.0' }),
  tech('jQuery', 'JavaScript libraries', () => ({ scriptSrc: ['https://code.jquery.com/jquery-3.7.1.min.js'] }), { version: '3.7.1' }),
  tech('Bootstrap', 'UI frameworks', () => ({ headHtml: '<link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/bootstrap@5.3.2/dist/css/bootstrap.min.css">' }), { version: '5.3.2', cdns: ['jsDelivr'] }),
  tech('Font Awesome', 'Font scripts', (r) => ({ scriptSrc: [`https://kit.fontawesome.com/${r.hex(10)}.js`] })),
  tech('Google Fonts', 'Font scripts', () => ({ headHtml: '<link rel="preconnect" href="https://fonts.googleapis.com"><link href="https://fonts.googleapis.com/css2?family=Inter:wght@400;600&display=swap" rel="stylesheet">' })),
];

const OTHER: readonly TechnologyDefinition[] = [
  tech('reCAPTCHA', 'Security', () => ({ scriptSrc: ['https://www.google.com/recaptcha/api.js'] })),
  tech('Cookiebot', 'Cookie compliance', (r) => ({ scriptSrc: [`https://consent.cookiebot.com/uc.js?cbid=${r.hex(8)}-${r.hex(4)}`] }), { groups: ['consent'] }),
  tech('OneTrust', 'Cookie compliance', (r) => ({ scriptSrc: ['https://cdn.cookielaw.org/scripttemplates/otSDKStub.js'], cookies: [`OptanonConsent=isGpcEnabled=0&datestamp=${r.digits(6)}`] }), { groups: ['consent'] }),
  tech('Sentry', 'Issue trackers', () => ({ scriptSrc: ['https://browser.sentry-cdn.com/7.99.0/bundle.min.js'] }), { version: '7.99.0' }),
  tech('New Relic', 'Monitoring', (r) => ({ inlineScript: `window.NREUM||(NREUM={});NREUM.info={"beacon":"bam.nr-data.net","licenseKey":"NRJS-${r.hex(19)}","applicationID":"${r.digits(9)}"};`, scriptSrc: ['https://js-agent.newrelic.com/nr-loader-spa-1.250.0.min.js'] })),
];

/** Technologies that never appear on their own but are implied by one that does. */
export const IMPLIED_ONLY = ['PHP', 'MySQL', 'Node.js', 'Varnish', 'Amazon Web Services', 'unpkg', 'jsDelivr'] as const;

export const TECHNOLOGIES: readonly TechnologyDefinition[] = [
  ...ANALYTICS, ...MARKETING, ...CHAT, ...CMS, ...PAYMENTS, ...INFRASTRUCTURE, ...FRONTEND, ...OTHER,
];

const BY_NAME = new Map(TECHNOLOGIES.map((t) => [t.name, t]));

export const technologyByName = (name: string): TechnologyDefinition | undefined => BY_NAME.get(name);

/** Picks a plausible stack: at most one per group, and what the choices imply added to the names. */
export function pickTechnologies(rng: Rng, count: number): { chosen: TechnologyDefinition[]; names: string[] } {
  const chosen: TechnologyDefinition[] = [];
  const groups = new Set<TechnologyGroup>();
  for (const candidate of rng.shuffle(TECHNOLOGIES)) {
    if (chosen.length >= count) break;
    const own = candidate.groups ?? [];
    if (own.some((g) => groups.has(g))) continue;
    for (const g of own) groups.add(g);
    chosen.push(candidate);
  }
  const names = new Set<string>();
  const add = (name: string): void => {
    if (names.has(name)) return;
    names.add(name);
    for (const implied of technologyByName(name)?.implies ?? []) add(implied);
  };
  for (const t of chosen) {
    add(t.name);
    for (const cdn of t.cdns ?? []) add(cdn);
  }
  return { chosen, names: [...names].sort() };
}
