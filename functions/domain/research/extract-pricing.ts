/**
 * Pricing tiers from a site's pages, whatever the template: priced cards (the largest block
 * around one price that holds no other tier's price), comparison tables (tier names across the
 * header, prices in a row below), JSON-LD offers, and "Name — $X/month" lines as a last resort.
 */
import type { Element } from 'domhandler';
import { firstString, isObject, jsonLdNodes, typesOf, type JsonObject, type JsonValue } from '../enrichment/json-ld.ts';
import type { ParsedPage } from '../enrichment/parsed-page.ts';
import { MAX_CARD_TEXT_CHARS, MAX_PRICING_TIERS } from './research-limits.ts';
import { HEADING_TAGS, ancestorsOf, clean, elementsOf, labelOf, textOf } from './research-dom.ts';
import { hasContactSales, hasPrice, headlinePrice, readPrices, type BillingPeriod } from './price-text.ts';

export interface PricingTier {
  readonly name: string;
  /** null for a "contact sales" tier. */
  readonly price: number | null;
  readonly currency: string | null;
  readonly billing_period: BillingPeriod | null;
  readonly per_seat: boolean;
  readonly contact_sales: boolean;
  readonly features: readonly string[];
  readonly source_url: string;
}

const MAX_NAME_CHARS = 40;
const MAX_FEATURES = 10;
const PRICING_PAGE = /(?:pricing|plans?|prices?|preise|tarifs?|precios|buy)(?:[/.?#-]|$)/i;
const NAME_LABEL = /(?:plan|tier|package|edition|pricing)[-_ ]?(?:name|title|header|heading)/;
const NOT_A_NAME = /^(?:most popular|popular|recommended|best value|save \d+%?|new|features?|includes?:?|everything in|monthly|annually|yearly)$/i;
const BLOCKS = new Set(['div', 'section', 'article', 'li', 'td', 'th', 'p', 'header', 'footer', 'aside', 'ul', 'tr', 'table', 'main', 'body']);

/** `lines`: the card's text with its blocks on lines of their own, where a lone "Free" is a price. */
function tierFrom(name: string, cardText: string, features: readonly string[], url: string, lines = cardText): PricingTier | undefined {
  const cleanName = clean(name).replace(/[:\-–—]+$/, '').trim();
  if (cleanName.length === 0 || cleanName.length > MAX_NAME_CHARS || NOT_A_NAME.test(cleanName) || hasPrice(cleanName)) return undefined;
  const price = headlinePrice(readPrices(cardText));
  const free = !price && (/\bfree\b/i.test(cleanName) || /(?:^|\n)\s*free\s*(?:\n|$)/i.test(lines));
  const contact = !price && !free && hasContactSales(cardText);
  if (!price && !free && !contact) return undefined;
  return {
    name: cleanName,
    price: price ? price.amount : free ? 0 : null,
    currency: price ? price.currency : null,
    billing_period: price?.period ?? null,
    per_seat: price?.perSeat ?? false,
    contact_sales: contact,
    features: features.slice(0, MAX_FEATURES),
    source_url: url,
  };
}

/** The nearest block around an element: prices toggled monthly/yearly side by side are one group. */
const blockOf = (element: Element): Element => (BLOCKS.has(element.name) ? element : (ancestorsOf(element, 4).find((a) => BLOCKS.has(a.name)) ?? element));

const INLINE = new Set(['span', 'sup', 'sub', 'small', 'strong', 'b', 'em', 'i']);

/** An element's own text with its inline children's in document order (`<sup>$</sup>1,200<span>/yr</span>`). */
const ownText = (el: Element, withInline: boolean): string =>
  el.children
    .map((c) => (c.type === 'text' ? (c as { data: string }).data : withInline && 'name' in c && INLINE.has((c as Element).name) ? textOf(c as Element) : ' '))
    .join('');

/** Elements whose own text (not their blocks') holds a price or a contact-sales cue. */
function priceElements(all: readonly Element[]): Element[] {
  return all.filter((el) => {
    if (el.name === 'script' || el.name === 'style') return false;
    const own = ownText(el, false);
    return hasPrice(ownText(el, true)) || (hasContactSales(own) && own.length < 80) || /^\s*free\s*$/i.test(own);
  });
}

function nameInCard(card: Element): string | undefined {
  const inside = elementsOf(card);
  const labelled = inside.find((el) => NAME_LABEL.test(labelOf(el)) && textOf(el).length <= MAX_NAME_CHARS);
  if (labelled) return textOf(labelled);
  for (const el of inside) {
    if (!HEADING_TAGS.has(el.name)) continue;
    const text = textOf(el);
    if (text && !NOT_A_NAME.test(text) && !hasPrice(text) && text.length <= MAX_NAME_CHARS) return text;
  }
  // "Basic — $9/mo" on one line: the name is what comes before the dash.
  const firstLine = textOf(card).split(/\s{2,}|\n/)[0]?.split(/\s+[-–—|:]\s+/)[0];
  return firstLine && firstLine.length <= MAX_NAME_CHARS ? firstLine : undefined;
}

const featuresOf = (card: Element): string[] =>
  elementsOf(card)
    .filter((el) => el.name === 'li')
    .map((el) => textOf(el))
    .filter((t) => t.length > 0 && t.length <= 120);

function cardTiers(page: ParsedPage, all: readonly Element[], skip: ReadonlySet<Element>): PricingTier[] {
  const groups = new Map<Element, Element>();
  for (const el of priceElements(all)) {
    if (ancestorsOf(el).some((a) => skip.has(a))) continue;
    groups.set(blockOf(el), el);
  }
  // A block around another block (a card whose button says "Contact sales" around its price line) is that card, not a second one.
  const all_ = [...groups.keys()];
  const blocks = all_.filter((block) => !all_.some((other) => other !== block && ancestorsOf(other).includes(block)));
  const cards = new Set<Element>();
  for (const block of blocks) {
    let card = block;
    for (const ancestor of ancestorsOf(block, 8)) {
      const holds = blocks.filter((other) => other === ancestor || ancestorsOf(other).includes(ancestor)).length;
      if (holds > 1 || textOf(ancestor).length > MAX_CARD_TEXT_CHARS) break;
      card = ancestor;
    }
    cards.add(card);
  }
  const tiers: PricingTier[] = [];
  for (const card of cards) {
    const name = nameInCard(card);
    const tier = name ? tierFrom(name, textOf(card), featuresOf(card), page.url, cardTextOf(card)) : undefined;
    if (tier) tiers.push(tier);
  }
  return tiers;
}

/** Card text with block breaks kept, so "Free" alone on a line reads as a price. */
const cardTextOf = (card: Element): string =>
  elementsOf(card)
    .filter((el) => BLOCKS.has(el.name) || HEADING_TAGS.has(el.name) || el.name === 'span')
    .map((el) => ownText(el, false))
    .concat(textOf(card))
    .join('\n');

function tableTiers(page: ParsedPage, table: Element): PricingTier[] {
  const rows = elementsOf(table).filter((el) => el.name === 'tr');
  const cellsOf = (row: Element) => row.children.filter((c): c is Element => 'name' in c && ((c as Element).name === 'td' || (c as Element).name === 'th'));
  const header = rows[0] ? cellsOf(rows[0]).map((c) => textOf(c)) : [];
  const priceRow = rows.slice(1).map(cellsOf).find((cells) => cells.filter((c) => hasPrice(textOf(c)) || hasContactSales(textOf(c))).length >= 2);
  if (header.length < 2 || !priceRow) return [];
  const tiers: PricingTier[] = [];
  header.forEach((name, column) => {
    const cell = priceRow[column];
    const tier = cell ? tierFrom(name, textOf(cell), [], page.url) : undefined;
    if (tier) tiers.push(tier);
  });
  return tiers;
}

function offerTiers(page: ParsedPage): PricingTier[] {
  const tiers: PricingTier[] = [];
  for (const node of jsonLdNodes(page.jsonLd)) {
    if (!typesOf(node).some((t) => t === 'Offer')) continue;
    const name = firstString(node.name as JsonValue | undefined);
    const price = Number(firstString(node.price as JsonValue | undefined) ?? Number.NaN);
    const currency = firstString(node.priceCurrency as JsonValue | undefined);
    const spec = isObject(node.priceSpecification) ? (node.priceSpecification as JsonObject) : undefined;
    const unit = `${firstString(spec?.unitText as JsonValue | undefined) ?? ''} ${firstString(spec?.billingDuration as JsonValue | undefined) ?? ''}`.toLowerCase();
    if (!name || !Number.isFinite(price)) continue;
    const period: BillingPeriod | null = /mon|p1m/.test(unit) ? 'month' : /year|annual|p1y/.test(unit) ? 'year' : null;
    tiers.push({ name: clean(name), price, currency: currency?.toUpperCase() ?? null, billing_period: period, per_seat: /user|seat/.test(unit), contact_sales: false, features: [], source_url: page.url });
  }
  return tiers;
}

const LINE_TIER = /^(?<name>[A-Z][\w+ &.-]{1,38}?)\s*[:\-–—|]\s*(?<rest>.+)$/u;

function lineTiers(page: ParsedPage): PricingTier[] {
  return page.text
    .split('\n')
    .map((line) => LINE_TIER.exec(clean(line))?.groups as { name: string; rest: string } | undefined)
    .filter((g): g is { name: string; rest: string } => g !== undefined && (hasPrice(g.rest) || hasContactSales(g.rest)))
    .map((g) => tierFrom(g.name, g.rest, [], page.url))
    .filter((t): t is PricingTier => t !== undefined);
}

const isPricingPage = (page: ParsedPage): boolean => PRICING_PAGE.test(new URL(page.url).pathname) || /pricing|plans/i.test(page.title);

/** The tiers one page lists; a page that is not about pricing counts only when it shows two or more. */
export function extractPricingFromPage(page: ParsedPage): PricingTier[] {
  const all = elementsOf(page.document);
  const tables = all.filter((el) => el.name === 'table');
  const fromTables = tables.flatMap((table) => tableTiers(page, table));
  const handled = new Set(tables.filter((table) => tableTiers(page, table).length > 0));
  let tiers = [...fromTables, ...cardTiers(page, all, handled)];
  if (tiers.length === 0 && isPricingPage(page)) tiers = lineTiers(page);
  // Offers in JSON-LD are the site's own structured statement: kept wherever they appear.
  return [...offerTiers(page), ...(tiers.length >= 2 || isPricingPage(page) ? tiers : [])];
}

/** Tiers across pages, one per name (the first page to list it wins). */
export function extractPricing(pages: readonly ParsedPage[]): PricingTier[] {
  const byName = new Map<string, PricingTier>();
  for (const page of pages) for (const tier of extractPricingFromPage(page)) if (!byName.has(tier.name.toLowerCase())) byName.set(tier.name.toLowerCase(), tier);
  return [...byName.values()].slice(0, MAX_PRICING_TIERS);
}
