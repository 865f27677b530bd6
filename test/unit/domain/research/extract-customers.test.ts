import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../../functions/domain/enrichment/parsed-page.ts';
import { extractCustomers, nameFromAlt, nameFromFile } from '../../../../functions/domain/research/extract-customers.ts';
import { crumbs, ledgerly, pipewise } from './research-fixtures.ts';

const names = (list: ReturnType<typeof extractCustomers>) => list.map((c) => c.name).sort();

describe('extractCustomers', () => {
  it('It should read a trusted-by logo wall (alt texts and a file name) and story links, never the integrations, the partners or the site\'s own logo', () => {
    const customers = extractCustomers(pipewise(), { host: 'pipewise.test', companyName: 'Pipewise' });
    expect(names(customers)).toEqual(['Acme Corporation', 'Globex', 'Initech', 'Soylent', 'Stark Industries, Inc.', 'Umbrella Corp']);
    const acme = customers.find((c) => c.name === 'Acme Corporation');
    expect(acme?.evidence.map((e) => e.kind)).toEqual(['logo_alt', 'case_study']);
    expect(customers.find((c) => c.name === 'Initech')?.evidence[0]?.kind).toBe('logo_file');
  });

  it('It should name logos without alt text from where they link, and read a "trusted by teams at" sentence', () => {
    const customers = extractCustomers(ledgerly(), { host: 'ledgerly.test', companyName: 'Ledgerly' });
    expect(names(customers)).toEqual(['Hooli', 'Initrode', 'Monsters Inc', 'Pied Piper', 'Vandelay Industries', 'Wayne Enterprises']);
    expect(customers.find((c) => c.name === 'Pied Piper')).toMatchObject({ domain: 'pied-piper.test', evidence: [{ kind: 'logo_link' }] });
  });

  it('It should find no customers on a bakery\'s site', () => {
    expect(extractCustomers(crumbs(), { host: 'crumbs.test', companyName: 'Crumbs' })).toEqual([]);
  });

  it('It should not take one stray picture near a customers heading for a wall', () => {
    const page = parsePage({ url: 'https://x.test/', status: 200, headers: {}, html: '<section><h2>Our customers</h2><img src="/team.jpg" alt="Happy Team"></section>' });
    expect(extractCustomers([page], { host: 'x.test', companyName: 'X' })).toEqual([]);
  });

  it.each([
    ['Trusted by teams at Valmont Robotics.', ['Valmont Robotics']],
    ['Trusted by Fortune 500 companies like Acme and Globex.', ['Acme', 'Globex']],
    ['Trusted by Fortune 500 companies.', []],
    ['Trusted by teams at Hooli, Initrode and Vandelay.', ['Hooli', 'Initrode', 'Vandelay']],
  ])('It should read the sentence %j as the customers %j', (sentence, expected) => {
    const page = parsePage({ url: 'https://x.test/', status: 200, headers: {}, html: `<section><p>${sentence}</p></section>` });
    expect(names(extractCustomers([page], { host: 'x.test', companyName: 'X' }))).toEqual(expected);
  });

  it.each([
    ['Acme Corporation logo', 'Acme Corporation'],
    ['Logo - Globex', 'Globex'],
    ['Logo of Garrison Robotics', 'Garrison Robotics'],
    ['Icon for Acme Corp', 'Acme Corp'],
    ['customer logo', undefined],
    ['', undefined],
  ])('It should read the alt text %j as %j', (alt, expected) => {
    expect(nameFromAlt(alt)).toBe(expected);
  });

  it.each([
    ['/img/logos/initech-logo-white.svg', 'Initech'],
    ['/logos/logo_wayne_enterprises@2x.png?v=3', 'Wayne Enterprises'],
    ['/cdn/a1b2c3d4e5f6a7b8.png', undefined],
  ])('It should read the file name %s as %j', (src, expected) => {
    expect(nameFromFile(src)).toBe(expected);
  });
});
