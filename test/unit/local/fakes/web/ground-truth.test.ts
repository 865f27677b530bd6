import { describe, expect, it } from 'vitest';
import { JS_CONTACT_SCRIPT_PATH, TECHNOLOGIES, generateFakeWeb } from '../../../../../lib/local/fakes/web/index.ts';
import type { FakeWeb, SiteTruth } from '../../../../../lib/local/fakes/web/index.ts';
import { deobfuscate, decodeEntities, nationalDigits, runWithStubDom } from './page-reading.ts';
import { TECHNOLOGY_COOKIES, TECHNOLOGY_SIGNATURES } from './technology-signatures.ts';
import { classifySocialUrl } from '../../../../../functions/domain/enrichment/social-profiles.ts';

const web = generateFakeWeb({ seed: 2026 });
const readable = web.sites.filter((s) => s.pages.length > 0);
const CALLING_CODES: Readonly<Record<string, string>> = { US: '1', GB: '44', DE: '49', FR: '33', NL: '31', AU: '61' };

const pageHtml = (w: FakeWeb, site: SiteTruth, path: string): string => {
  const r = w.resolve(site.servedHost, path);
  if (r.kind !== 'body' || r.status !== 200) throw new Error(`${site.domain}${path} answered ${r.status}`);
  return r.body.toString('utf8');
};
const allHtml = (site: SiteTruth): string => site.pages.map((p) => pageHtml(web, site, p)).join('\n');

describe('fake web ground truth', () => {
  it('It should show every truth email on its page in the recorded form, and only there for the js-only site', () => {
    for (const site of readable.filter((s) => s.special !== 'js-only')) {
      for (const email of site.emails) {
        const html = pageHtml(web, site, email.page);
        expect(deobfuscate(html), `${site.domain} ${email.address}`).toContain(email.address);
        if (email.rendering === 'mailto') expect(html).toContain(`href="mailto:${email.address}"`);
        if (email.rendering !== 'mailto' && email.rendering !== 'text' && !site.emails.some((e) => e.address === email.address && e !== email)) {
          // Obfuscated means a plain search of the raw HTML must not find it on that page, except through JSON-LD or microdata.
          const structured = site.organization?.email === email.address && site.organization.markup !== 'none' && email.page === '/';
          if (!structured) expect(html, `${site.domain} ${email.address} ${email.rendering}`).not.toContain(email.address);
        }
      }
    }
  });

  it('It should render the js-only site contacts only through its script', () => {
    const site = web.sites.find((s) => s.special === 'js-only') as SiteTruth;
    expect(site.emails.length).toBeGreaterThan(0);
    const html = allHtml(site);
    const script = pageHtml(web, site, JS_CONTACT_SCRIPT_PATH);
    const contact = pageHtml(web, site, site.emails[0]?.page as string);
    expect(contact).toContain(`src="${JS_CONTACT_SCRIPT_PATH}"`);
    const rendered = runWithStubDom(script, 'contact-root');
    for (const email of site.emails) {
      expect(email.rendering).toBe('javascript');
      expect(html + script).not.toContain(email.address);
      expect(rendered).toContain(`mailto:${email.address}`);
    }
    for (const phone of site.phones) {
      expect(html).not.toContain(phone.display);
      expect(rendered).toContain(`tel:${phone.e164}`);
    }
    for (const person of site.people) expect(decodeEntities(rendered)).toContain(person.name);
  });

  it('It should write every truth phone as its display on its page, a valid E.164 of the site country', () => {
    let telLinks = 0;
    for (const site of readable.filter((s) => s.special !== 'js-only')) {
      for (const phone of site.phones) {
        expect(phone.country).toBe(site.country);
        const code = CALLING_CODES[phone.country] as string;
        expect(phone.e164).toMatch(new RegExp(`^\\+${code}\\d{8,11}$`));
        expect(nationalDigits(phone.display, code), phone.display).toBe(phone.e164.slice(1 + code.length));
        const html = pageHtml(web, site, phone.page);
        expect(html).toContain(phone.display.replace(/&/g, '&amp;'));
        if (phone.rendering === 'tel-link') {
          telLinks++;
          expect(html).toMatch(new RegExp(`href="tel:[^"]+">${phone.display.replace(/[()+.]/g, '\\$&')}</a>`));
        }
      }
    }
    expect(telLinks).toBeGreaterThan(100);
  });

  it('It should put every social profile in every page footer, beside share links and pixels that are not profiles', () => {
    let pixels = 0;
    for (const site of readable) {
      const home = pageHtml(web, site, '/');
      for (const profile of site.socialProfiles) {
        for (const path of site.pages) expect(decodeEntities(pageHtml(web, site, path))).toContain(`href="${profile.renderedUrl}"`);
        expect(profile.canonicalUrl).toMatch(/^https:\/\/(linkedin|x|facebook|instagram|youtube|github|tiktok)\.com\/[^?#]*[^/?#]$/);
        // The truth's canonical form is the extractor's: scoring compares them as strings.
        expect(classifySocialUrl(profile.renderedUrl)?.url).toBe(profile.canonicalUrl);
      }
      for (const decoy of site.decoys.socialLinks) {
        expect(decodeEntities(home)).toContain(decoy);
        expect(site.socialProfiles.map((p) => p.canonicalUrl)).not.toContain(decoy);
        if (decoy.includes('facebook.com/tr?')) pixels++;
      }
      expect(site.decoys.socialLinks.some((l) => l.includes('/intent/tweet'))).toBe(true);
    }
    expect(pixels).toBeGreaterThan(0);
  });

  it('It should plant decoy emails that are on the pages and never in the truth', () => {
    for (const site of readable) {
      const html = allHtml(site);
      const truth = new Set(site.emails.map((e) => e.address));
      expect(site.decoys.emails).toContain('logo@2x.png');
      for (const decoy of site.decoys.emails) {
        expect(html, `${site.domain} ${decoy}`).toContain(decoy);
        expect(truth.has(decoy)).toBe(false);
      }
    }
  });

  it('It should publish organisation data in the markup the truth names, valid or broken as it says', () => {
    for (const site of readable.filter((s) => s.organization)) {
      const org = site.organization as NonNullable<SiteTruth['organization']>;
      const home = pageHtml(web, site, '/');
      const ld = /<script type="application\/ld\+json">\n([\s\S]*?)\n<\/script>/.exec(home)?.[1];
      if (org.markup.startsWith('json-ld')) {
        const parsed = JSON.parse(ld as string);
        const node = parsed['@graph'] ? parsed['@graph'].find((n: any) => n['@type'] === 'Organization') : parsed;
        expect(node.legalName).toBe(org.legalName);
        expect(node.telephone).toBe(org.telephone);
        expect(node.sameAs).toEqual(org.sameAs);
        expect(node.numberOfEmployees.value).toBe(org.numberOfEmployees);
        expect(node['@type']).toBe(org.markup === 'json-ld-local-business' ? 'LocalBusiness' : 'Organization');
      } else if (org.markup === 'malformed-json-ld') {
        expect(() => JSON.parse(ld as string)).toThrow(SyntaxError);
        expect(ld).toContain(org.legalName);
      } else {
        expect(ld).toBeUndefined();
      }
      if (org.markup === 'microdata') {
        expect(home).toContain('itemtype="https://schema.org/Organization"');
        expect(home).toContain(`<span itemprop="legalName">${org.legalName}</span>`);
        expect(home).toContain(`<meta itemprop="foundingDate" content="${org.foundingDate}">`);
      }
      expect(home).toContain(`<meta name="description" content="`);
      expect(home).toMatch(/<meta property="og:site_name" content="[^"]+">/);
    }
  });

  it('It should name people with their titles on the team page, and keep their emails in the truth', () => {
    let people = 0;
    for (const site of readable.filter((s) => s.special !== 'js-only')) {
      for (const person of site.people) {
        people++;
        const html = decodeEntities(pageHtml(web, site, person.page));
        expect(html).toContain(person.name);
        expect(html).toContain(person.title);
        if (person.email) expect(site.emails.find((e) => e.address === person.email)?.kind).toBe('personal');
      }
    }
    expect(people).toBeGreaterThan(300);
  });

  it('It should list the public CDN a site loads scripts or styles from, since a matcher rightly names it', () => {
    let checked = 0;
    for (const site of readable.filter((s) => s.special !== 'non-html')) {
      const home = pageHtml(web, site, '/');
      const names = site.technologies.map((t) => t.name);
      for (const [host, name] of [['unpkg.com/', 'unpkg'], ['cdn.jsdelivr.net/', 'jsDelivr']] as const) {
        if (!home.includes(host)) continue;
        checked += 1;
        expect(names, `${site.domain} loads from ${host}`).toContain(name);
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('It should carry the real markers of every technology the truth lists, and list what they imply', () => {
    expect(TECHNOLOGIES.length).toBeGreaterThanOrEqual(50);
    for (const site of readable.filter((s) => s.special !== 'non-html')) {
      const home = web.resolve(site.servedHost, '/');
      if (home.kind !== 'body') throw new Error('home page expected');
      const haystack = `${home.body.toString('utf8')}\n${JSON.stringify(home.headers)}`;
      const cookies = ([] as string[]).concat(home.headers['set-cookie'] ?? []).join(',');
      const names = new Set(site.technologies.map((t) => t.name));
      for (const t of site.technologies.filter((x) => !x.implied)) {
        const signature = TECHNOLOGY_SIGNATURES[t.name];
        expect(signature, `no signature written for ${t.name}`).toBeDefined();
        expect(haystack, `${site.domain} ${t.name}`).toMatch(signature as RegExp);
        const cookie = TECHNOLOGY_COOKIES[t.name];
        if (cookie) expect(cookies).toMatch(cookie);
        for (const implied of TECHNOLOGIES.find((d) => d.name === t.name)?.implies ?? []) expect(names.has(implied)).toBe(true);
      }
    }
  });

  it('It should fence the robots-disallow site team page off in robots.txt, with the data behind it', () => {
    const site = web.sites.find((s) => s.special === 'robots-disallow') as SiteTruth;
    const robots = web.resolve(site.domain, '/robots.txt');
    const text = robots.kind === 'body' ? robots.body.toString('utf8') : '';
    for (const path of site.robotsDisallowed) expect(text).toContain(`Disallow: ${path}`);
    const hidden = site.people.map((p) => p.page);
    expect(hidden.length).toBeGreaterThan(0);
    for (const path of hidden) expect(site.robotsDisallowed.some((d) => path.startsWith(d))).toBe(true);
    expect(site.emails.some((e) => e.kind === 'personal' && site.robotsDisallowed.some((d) => e.page.startsWith(d)))).toBe(true);
  });
});
