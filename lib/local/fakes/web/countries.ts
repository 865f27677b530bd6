/**
 * Countries the fake companies sit in: their phone numbering (numbers fall in ranges a phone
 * library accepts as valid fixed lines, written in the formats locals use) and their addresses.
 */
import type { Rng } from './prng.ts';

export const COUNTRY_CODES = ['US', 'GB', 'DE', 'FR', 'NL', 'AU'] as const;
export type CountryCode = (typeof COUNTRY_CODES)[number];

export interface GeneratedPhone {
  /** The number in E.164, the form an extractor should normalise to. */
  readonly e164: string;
  /** The number as the page writes it. */
  readonly display: string;
}

interface City {
  readonly name: string;
  readonly region?: string;
  postalCode(rng: Rng): string;
}

interface CountryProfile {
  readonly name: string;
  readonly legalSuffixes: readonly string[];
  readonly cities: readonly City[];
  readonly streets: readonly string[];
  /** House number before the street (US, GB, FR, AU) or after it (DE, NL). */
  readonly numberFirst: boolean;
  phone(rng: Rng, cityIndex: number): GeneratedPhone;
}

const group = (text: string, sizes: readonly number[], sep = ' '): string => {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(text.slice(at, at + size));
    at += size;
  }
  return parts.join(sep);
};

/** NANP: area code, then an exchange that starts 2-9 and is not an N11 or 555 code. */
function usPhone(rng: Rng, areaCode: string): GeneratedPhone {
  let exchange = `${rng.int(2, 9)}${rng.digits(2)}`;
  if (exchange === '555' || exchange.endsWith('11')) exchange = '420';
  const line = rng.digits(4);
  const formats = [
    `(${areaCode}) ${exchange}-${line}`, `${areaCode}-${exchange}-${line}`, `+1 ${areaCode} ${exchange} ${line}`,
    `${areaCode}.${exchange}.${line}`, `1-${areaCode}-${exchange}-${line}`,
  ];
  return { e164: `+1${areaCode}${exchange}${line}`, display: rng.pick(formats) };
}

function gbPhone(rng: Rng, cityIndex: number): GeneratedPhone {
  if (cityIndex === 0) {
    const rest = `${rng.pick(['3', '7'])}${rng.digits(7)}`;
    const formats = [`020 ${group(rest, [4, 4])}`, `+44 20 ${group(rest, [4, 4])}`, `+44 (0)20 ${group(rest, [4, 4])}`];
    return { e164: `+4420${rest}`, display: rng.pick(formats) };
  }
  const rest = `${rng.int(2, 9)}${rng.digits(6)}`;
  const formats = [`0161 ${group(rest, [3, 4])}`, `+44 161 ${group(rest, [3, 4])}`, `+44 (0)161 ${group(rest, [3, 4])}`];
  return { e164: `+44161${rest}`, display: rng.pick(formats) };
}

function dePhone(rng: Rng, cityIndex: number): GeneratedPhone {
  const area = cityIndex === 0 ? '30' : cityIndex === 1 ? '89' : '40';
  const rest = `${rng.int(2, 9)}${rng.digits(7)}`;
  const formats = [
    `0${area} ${rest}`, `+49 ${area} ${group(rest, [4, 4])}`, `(0${area}) ${group(rest, [4, 4], '-')}`,
    `0${area}/${rest}`, `+49 (0)${area} ${group(rest, [3, 5])}`,
  ];
  return { e164: `+49${area}${rest}`, display: rng.pick(formats) };
}

function frPhone(rng: Rng, cityIndex: number): GeneratedPhone {
  const area = cityIndex === 0 ? '1' : '4';
  const rest = `${rng.int(4, 7)}${rng.digits(7)}`;
  const pairs = group(rest, [2, 2, 2, 2]);
  const formats = [`0${area} ${pairs}`, `+33 ${area} ${pairs}`, `0${area}.${group(rest, [2, 2, 2, 2], '.')}`, `+33 (0)${area} ${pairs}`];
  return { e164: `+33${area}${rest}`, display: rng.pick(formats) };
}

function nlPhone(rng: Rng, cityIndex: number): GeneratedPhone {
  const area = cityIndex === 0 ? '20' : '10';
  const rest = `${rng.int(2, 9)}${rng.digits(6)}`;
  const formats = [`0${area} ${group(rest, [3, 4])}`, `+31 ${area} ${group(rest, [3, 4])}`, `+31 (0)${area} ${group(rest, [3, 4])}`, `0${area}-${rest}`];
  return { e164: `+31${area}${rest}`, display: rng.pick(formats) };
}

function auPhone(rng: Rng, cityIndex: number): GeneratedPhone {
  const area = cityIndex === 0 ? '2' : '3';
  const rest = `9${rng.digits(7)}`;
  const formats = [`(0${area}) ${group(rest, [4, 4])}`, `+61 ${area} ${group(rest, [4, 4])}`, `0${area} ${group(rest, [4, 4])}`];
  return { e164: `+61${area}${rest}`, display: rng.pick(formats) };
}

const US_AREA_CODES = ['212', '415', '617', '312'] as const;

export const COUNTRIES: Readonly<Record<CountryCode, CountryProfile>> = {
  US: {
    name: 'United States', legalSuffixes: ['Inc.', 'LLC', 'Corp.'], numberFirst: true,
    cities: [
      { name: 'New York', region: 'NY', postalCode: (r) => `100${r.digits(2)}` },
      { name: 'San Francisco', region: 'CA', postalCode: (r) => `941${r.digits(2)}` },
      { name: 'Boston', region: 'MA', postalCode: (r) => `021${r.digits(2)}` },
      { name: 'Chicago', region: 'IL', postalCode: (r) => `606${r.digits(2)}` },
    ],
    streets: ['Market Street', 'Main Street', 'Madison Avenue', 'Harbor Drive', 'Lake Shore Drive'],
    phone: (rng, cityIndex) => usPhone(rng, US_AREA_CODES[cityIndex] ?? '212'),
  },
  GB: {
    name: 'United Kingdom', legalSuffixes: ['Ltd', 'Limited', 'plc'], numberFirst: true,
    cities: [
      { name: 'London', postalCode: (r) => `EC${r.int(1, 4)}A ${r.int(1, 9)}${r.pick(['AB', 'HQ', 'NX'])}` },
      { name: 'Manchester', postalCode: (r) => `M${r.int(1, 9)} ${r.int(1, 9)}${r.pick(['AF', 'DN', 'LS'])}` },
    ],
    streets: ['High Street', 'King Street', 'Victoria Road', 'Old Street', 'Canal Street'],
    phone: gbPhone,
  },
  DE: {
    name: 'Germany', legalSuffixes: ['GmbH', 'AG', 'UG (haftungsbeschränkt)'], numberFirst: false,
    cities: [
      { name: 'Berlin', postalCode: (r) => `10${r.int(1, 9)}${r.digits(2)}` },
      { name: 'München', postalCode: (r) => `80${r.int(3, 9)}${r.digits(2)}` },
      { name: 'Hamburg', postalCode: (r) => `20${r.int(1, 9)}${r.digits(2)}` },
    ],
    streets: ['Friedrichstraße', 'Hauptstraße', 'Schillerstraße', 'Torstraße', 'Gartenweg'],
    phone: dePhone,
  },
  FR: {
    name: 'France', legalSuffixes: ['SAS', 'SARL', 'SA'], numberFirst: true,
    cities: [
      { name: 'Paris', postalCode: (r) => `750${String(r.int(1, 20)).padStart(2, '0')}` },
      { name: 'Lyon', postalCode: (r) => `6900${r.int(1, 9)}` },
    ],
    streets: ['rue de Rivoli', 'avenue Victor Hugo', 'rue du Faubourg', 'boulevard Voltaire'],
    phone: frPhone,
  },
  NL: {
    name: 'Netherlands', legalSuffixes: ['B.V.', 'N.V.'], numberFirst: false,
    cities: [
      { name: 'Amsterdam', postalCode: (r) => `10${r.int(11, 99)} ${r.pick(['AB', 'KL', 'XZ'])}` },
      { name: 'Rotterdam', postalCode: (r) => `30${r.int(11, 99)} ${r.pick(['BC', 'LM', 'TV'])}` },
    ],
    streets: ['Herengracht', 'Keizersgracht', 'Damrak', 'Coolsingel'],
    phone: nlPhone,
  },
  AU: {
    name: 'Australia', legalSuffixes: ['Pty Ltd'], numberFirst: true,
    cities: [
      { name: 'Sydney', region: 'NSW', postalCode: (r) => `20${r.digits(2)}` },
      { name: 'Melbourne', region: 'VIC', postalCode: (r) => `30${r.digits(2)}` },
    ],
    streets: ['George Street', 'Collins Street', 'Pitt Street', 'Flinders Lane'],
    phone: auPhone,
  },
};
