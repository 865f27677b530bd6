import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../../functions/domain/enrichment/parsed-page.ts';
import { extractPricing, extractPricingFromPage } from '../../../../functions/domain/research/extract-pricing.ts';
import { readPrices } from '../../../../functions/domain/research/price-text.ts';
import { crumbs, ledgerly, pipewise } from './research-fixtures.ts';

const page = (html: string, url = 'https://x.test/pricing') => parsePage({ url, status: 200, headers: {}, html });
const brief = (tiers: ReturnType<typeof extractPricing>) => tiers.map((t) => [t.name, t.price, t.currency, t.billing_period, t.per_seat, t.contact_sales]);

describe('readPrices', () => {
  it.each([
    ['$49/user/month', { amount: 49, currency: 'USD', period: 'month', perSeat: true }],
    ['€1.490,50 per year', { amount: 1490.5, currency: 'EUR', period: 'year', perSeat: false }],
    ['EUR 1.490 billed annually', { amount: 1490, currency: 'EUR', period: 'year', perSeat: false }],
    ['19 € / Monat pro Nutzer', { amount: 19, currency: 'EUR', period: 'month', perSeat: true }],
    ['£1,200 a year', { amount: 1200, currency: 'GBP', period: 'year', perSeat: false }],
    ['US$ 12 per seat monthly', { amount: 12, currency: 'USD', period: 'month', perSeat: true }],
  ])('It should read %s', (text, expected) => {
    expect(readPrices(text)[0]).toEqual(expected);
  });

  it('It should read no price from plain numbers', () => {
    expect(readPrices('Up to 3 users and 10 pipelines since 1998')).toEqual([]);
  });
});

describe('extractPricing', () => {
  it('It should read priced cards with a free tier, a per-seat monthly price beside a yearly one, a split currency symbol and a contact-sales tier', () => {
    expect(brief(extractPricing(pipewise()))).toEqual([
      ['Free', 0, null, null, false, false],
      ['Team', 49, 'USD', 'month', true, false],
      ['Business', 1200, 'USD', 'year', false, false],
      ['Enterprise', null, null, null, false, true],
    ]);
  });

  it('It should read a comparison table in euros and a JSON-LD offer', () => {
    expect(brief(extractPricing(ledgerly()))).toEqual([
      ['Starter', 19, 'EUR', 'month', false, false],
      ['Growth', 1490, 'EUR', 'year', false, false],
      ['Scale', null, null, null, false, true],
    ]);
  });

  it('It should keep the features listed on a card', () => {
    const team = extractPricing(pipewise()).find((t) => t.name === 'Team');
    expect(team?.features).toEqual(['Unlimited pipelines', 'Forecasting']);
    expect(team?.source_url).toBe('https://pipewise.test/pricing');
  });

  it('It should read "Name — price" lines on a pricing page without cards', () => {
    const tiers = extractPricingFromPage(page('<h1>Pricing</h1><p>Basic — $9/mo</p><p>Pro — $29/mo</p><p>Enterprise — Contact us</p>'));
    expect(brief(tiers)).toEqual([
      ['Basic', 9, 'USD', 'month', false, false],
      ['Pro', 29, 'USD', 'month', false, false],
      ['Enterprise', null, null, null, false, true],
    ]);
  });

  it('It should not take a single "from $49" on a page that is not about pricing as a tier list', () => {
    expect(extractPricingFromPage(page('<section><h2>Start today</h2><p>Plans from $49/month.</p></section>', 'https://x.test/'))).toEqual([]);
  });

  it('It should find nothing on a site that sells nothing online', () => {
    expect(extractPricing(crumbs())).toEqual([]);
  });
});
