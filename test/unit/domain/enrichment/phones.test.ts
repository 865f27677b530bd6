import { describe, expect, it } from 'vitest';
import { extractPhones, normalisePhone } from '../../../../functions/domain/enrichment/extract-phones.ts';
import { body, parsed } from './page-fixtures.ts';

const phonesOf = (inner: string, country?: string) => extractPhones(parsed(body(inner)), country).map((p) => p.phone);

describe('phone extraction', () => {
  it.each([
    ['a tel: link in international form', '<a href="tel:+1-415-555-2671">Call</a>', 'US', ['+14155552671']],
    ['a tel: link in national form, the company country as region', '<a href="tel:030 12345678">Anrufen</a>', 'DE', ['+493012345678']],
    ['an escaped tel: link', '<a href="tel:%2B44%2020%207946%200958">Call</a>', undefined, ['+442079460958']],
    ['text after a phone cue', '<p>Phone: (415) 555-2671</p>', 'US', ['+14155552671']],
    ['text after a French cue', '<p>Téléphone : 01 42 68 53 00</p>', 'FR', ['+33142685300']],
    ['text after a German cue', '<p>Telefon: +49 89 1234567</p>', 'FR', ['+49891234567']],
    ['text after the German short cue Fon', '<p>Fon: 030 40560080</p>', 'DE', ['+493040560080']],
    ['text after the French short cue Tél.', '<p>Tél.: 01 75 45 29 16</p>', 'FR', ['+33175452916']],
    ['text after a Dutch cue', '<p>Telefoon: 020 794 6095</p>', 'NL', ['+31207946095']],
    ['a French number written with dots, whose first groups look like a date', '<p>Tél. : 01.52.33.40.30</p>', 'FR', ['+33152334030']],
    ['text after "Main line"', '<p>Main line: +1 212 872 1579</p>', 'US', ['+12128721579']],
    ['a second cued number below a first one', '<p>Tel.: 030 12345678</p><p>Fon: 030 40560080</p>', 'DE', ['+493012345678', '+493040560080']],
  ])('It should normalise %s to E.164', (_case, inner, country, expected) => {
    expect(phonesOf(inner, country)).toEqual(expected);
  });

  it.each([
    ['a date after a cue', '<p>Call us before 2024-03-15</p>'],
    ['an invalid number in a tel: link', '<a href="tel:+1 555 0000">x</a>'],
    ['an order id with no cue', '<p>Order 4155552671 shipped</p>'],
    ['a too-short number', '<a href="tel:112">Emergency</a>'],
    ['a European date after a cue', '<p>Tel. 12.03.2024</p>'],
  ])('It should reject %s', (_case, inner) => {
    expect(phonesOf(inner, 'US')).toEqual([]);
  });

  it('It should deduplicate one number written two ways', () => {
    expect(phonesOf('<a href="tel:+14155552671">x</a><p>Phone: 415-555-2671</p>', 'US')).toEqual(['+14155552671']);
  });

  it('It should ignore an unknown default region rather than guess', () => {
    expect(normalisePhone('030 12345678', 'XX')).toBeUndefined();
    expect(normalisePhone('+49 30 12345678', 'XX')).toBe('+493012345678');
  });
});
