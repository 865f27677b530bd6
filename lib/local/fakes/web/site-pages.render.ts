/**
 * Renders the HTML of one page of a planned site. Each page draws from its own PRNG stream
 * (seed, host, path), so pages come out the same whichever order they are asked for.
 */
import { createRng } from './prng.ts';
import type { Rng } from './prng.ts';
import {
  escapeHtml, renderDocument, renderEmail, renderFooter, renderHead, renderHeader, renderPhone,
} from './html-blocks.ts';
import type { PlannedPage, SitePlan } from './site-plan.ts';
import { CONTACT_FORM_PLACEHOLDER } from './site-plan.generator.ts';
import { renderAddressBlock, renderJsonLd } from './structured-data.ts';

interface PageContent {
  readonly title: string;
  readonly description: string;
  readonly main: string;
  readonly structuredData?: string;
}

const contactsOn = (plan: SitePlan, path: string, rng: Rng): string[] => [
  ...plan.truth.emails.filter((e) => e.page === path && e.rendering !== 'javascript' && !isPersonEmail(plan, e.address)).map((e) => `<p>${renderEmail(e, rng)}</p>`),
  ...plan.truth.phones.filter((p) => p.page === path && p.rendering !== 'javascript').map((p) => `<p>${rng.pick(PHONE_LABELS[plan.truth.country] ?? DEFAULT_PHONE_LABELS)}: ${renderPhone(p, rng)}</p>`),
];

const PHONE_LABELS: Readonly<Record<string, readonly string[]>> = {
  DE: ['Telefon', 'Tel.', 'Fon'], FR: ['Tél.', 'Téléphone'], NL: ['Telefoon', 'Tel.'],
};
const DEFAULT_PHONE_LABELS = ['Phone', 'Tel.', 'Call us', 'Main line'] as const;

const isPersonEmail = (plan: SitePlan, address: string): boolean => plan.truth.people.some((p) => p.email === address);

function homePage(plan: SitePlan, rng: Rng): PageContent {
  const { truth } = plan;
  const org = truth.organization;
  const contact = plan.pages.find((p) => p.role === 'contact');
  const hero = truth.decoys.emails.includes('hero@3x.webp')
    ? '<picture><source srcset="/assets/hero@3x.webp 3x, /assets/hero@2x.webp 2x" type="image/webp"><img src="/assets/hero.jpg" alt=""></picture>' : '';
  const main = [
    `<section class="hero"><h1>${escapeHtml(truth.companyName)}</h1><p>${escapeHtml(plan.tagline)}.</p>${hero}`,
    contact ? `<a class="cta" href="${contact.path}">${rng.pick(['Book a demo', 'Talk to us', 'Get started'])}</a>` : '',
    '</section>',
    `<section class="features"><ul>${['Fast onboarding', 'SOC 2 ready', 'Works with your stack', 'Human support'].map((f) => `<li>${f}</li>`).join('')}</ul></section>`,
    org && org.markup === 'microdata' ? renderAddressBlock(org, true) : '',
  ].join('\n');
  return { title: `${truth.companyName} | ${plan.tagline}`, description: org?.description ?? plan.tagline, main, structuredData: org ? renderJsonLd(org) : undefined };
}

function contactPage(plan: SitePlan, page: PlannedPage, rng: Rng): PageContent {
  const org = plan.truth.organization;
  const main = [
    `<h1>${escapeHtml(page.navLabel)}</h1>`,
    `<p>${rng.pick(['We usually answer within one working day.', 'Questions about pricing or a demo? Write to us.', 'Our team is happy to help.'])}</p>`,
    ...contactsOn(plan, page.path, rng),
    org ? renderAddressBlock(org, false) : '',
    `<form class="contact-form" method="post" action="/api/contact"><input name="email" type="email" placeholder="${CONTACT_FORM_PLACEHOLDER}"><textarea name="message"></textarea><button>Send</button></form>`,
  ].join('\n');
  return { title: `${page.navLabel} – ${plan.truth.companyName}`, description: `How to reach ${plan.truth.companyName}.`, main };
}

function aboutPage(plan: SitePlan, page: PlannedPage, rng: Rng): PageContent {
  const org = plan.truth.organization;
  const main = [
    `<h1>${escapeHtml(page.navLabel)}</h1>`,
    org ? `<p>${escapeHtml(org.description)} Founded in ${org.foundingDate}, we are ${org.numberOfEmployees} people today.</p>` : '',
    ...contactsOn(plan, page.path, rng),
  ].join('\n');
  return { title: `${page.navLabel} – ${plan.truth.companyName}`, description: org?.description ?? plan.tagline, main };
}

function teamPage(plan: SitePlan, page: PlannedPage, rng: Rng): PageContent {
  const style = rng.int(0, 2);
  const members = plan.truth.people.filter((p) => p.page === page.path).map((person) => {
    const email = plan.truth.emails.find((e) => e.address === person.email);
    const mail = email ? renderEmail(email, rng) : '';
    if (style === 0) return `<div class="member"><h3>${escapeHtml(person.name)}</h3><p class="role">${escapeHtml(person.title)}</p>${mail}</div>`;
    if (style === 1) return `<li><strong>${escapeHtml(person.name)}</strong> – ${escapeHtml(person.title)}${mail ? `<br>${mail}` : ''}</li>`;
    return `<figure class="person"><img src="/assets/team/${person.name.toLowerCase().replace(/\s+/g, '-')}.jpg" alt=""><figcaption><span class="name">${escapeHtml(person.name)}</span><span class="title">${escapeHtml(person.title)}</span>${mail}</figcaption></figure>`;
  });
  const list = style === 1 ? `<ul class="team">${members.join('\n')}</ul>` : `<div class="team">${members.join('\n')}</div>`;
  return { title: `${page.navLabel} – ${plan.truth.companyName}`, description: `The people behind ${plan.truth.companyName}.`, main: `<h1>${escapeHtml(page.navLabel)}</h1>\n${list}\n${contactsOn(plan, page.path, rng).join('\n')}` };
}

function imprintPage(plan: SitePlan, page: PlannedPage, rng: Rng): PageContent {
  const org = plan.truth.organization;
  const director = plan.truth.people[0]?.name ?? 'the board';
  const main = [
    `<h1>${escapeHtml(page.navLabel)}</h1>`,
    org ? renderAddressBlock(org, false) : '',
    `<p>${plan.truth.country === 'DE' ? 'Geschäftsführer' : 'Managing director'}: ${escapeHtml(director)}</p>`,
    `<p>${plan.truth.country === 'DE' ? 'Registergericht: Amtsgericht' : 'Registered in'} ${escapeHtml(org?.address.addressLocality ?? '')}, HRB ${rng.digits(6)}</p>`,
    ...contactsOn(plan, page.path, rng),
  ].join('\n');
  return { title: `${page.navLabel} – ${plan.truth.companyName}`, description: `Legal information about ${plan.truth.legalName}.`, main };
}

function blogPage(plan: SitePlan): PageContent {
  const domain = plan.truth.domain;
  const main = [
    '<article><h1>Getting started with our API</h1>',
    '<p>Authenticate with your account email and an API token:</p>',
    `<pre><code>curl -u user@example.com:$TOKEN https://api.${domain}/v1/reports\n# replace user@example.com with your login</code></pre>`,
    '<p>Retina assets are named like <code>logo@2x.png</code> in our design kit.</p>',
    '</article>',
  ].join('\n');
  return { title: `Getting started – ${plan.truth.companyName}`, description: `A developer guide from ${plan.truth.companyName}.`, main };
}

function pageContent(plan: SitePlan, page: PlannedPage, rng: Rng): PageContent {
  switch (page.role) {
    case 'home': return homePage(plan, rng);
    case 'contact': return contactPage(plan, page, rng);
    case 'about': return aboutPage(plan, page, rng);
    case 'team': return teamPage(plan, page, rng);
    case 'imprint': return imprintPage(plan, page, rng);
    case 'blog': return blogPage(plan);
  }
}

/** The page's HTML, or undefined when the site has no page at that path. */
export function renderSitePage(seed: number | string, plan: SitePlan, path: string, bodyOverride?: string): string | undefined {
  const page = plan.pages.find((p) => p.path === path);
  if (!page) return undefined;
  const rng = createRng(seed, `page:${plan.truth.servedHost}:${path}`);
  const content = pageContent(plan, page, rng);
  const head = renderHead(plan, page, { title: content.title, description: content.description, structuredData: content.structuredData }, rng);
  const body = [renderHeader(plan, rng), `<main>\n${bodyOverride ?? content.main}\n</main>`, renderFooter(plan, page, rng)].join('\n');
  return renderDocument(head, body, plan.truth.country === 'DE' ? 'de' : plan.truth.country === 'FR' ? 'fr' : 'en');
}
