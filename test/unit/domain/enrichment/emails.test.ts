import { describe, expect, it } from 'vitest';
import { extractEmails } from '../../../../functions/domain/enrichment/extract-emails.ts';
import { extractPeople } from '../../../../functions/domain/enrichment/extract-people.ts';
import { body, parsed } from './page-fixtures.ts';

const emailsOf = (inner: string, domain = 'acme.com') => extractEmails(parsed(body(inner)), domain).map((e) => e.email);

describe('email extraction', () => {
  it.each([
    ['a mailto link', '<a href="mailto:Sales@Acme.com?subject=Hi">Write</a>', ['sales@acme.com']],
    ['a mailto with two addresses', '<a href="mailto:a.b@acme.com,c.d@acme.com">x</a>', ['a.b@acme.com', 'c.d@acme.com']],
    ['plain text', '<p>Reach maria.lopez@acme.com today.</p>', ['maria.lopez@acme.com']],
    ['an HTML entity for @', '<p>press&#64;acme.com</p>', ['press@acme.com']],
    ['[at] and [dot]', '<p>anna [at] acme [dot] com</p>', ['anna@acme.com']],
    ['(at) with a real dot', '<p>bob(at)acme.com</p>', ['bob@acme.com']],
    ['spelled at/dot', '<p>write to carol at acme dot co dot uk</p>', ['carol@acme.co.uk']],
    ['[dot] inside the local part too', '<p>zoe [dot] keller [at] acme [dot] com, r (dot) castillo [at] acme (dot) com</p>', ['zoe.keller@acme.com', 'r.castillo@acme.com']],
    ['{at} braces', '<p>dan{at}acme{dot}com</p>', ['dan@acme.com']],
    ['neighbouring links that must not fuse', '<a>info@acme.com</a><a>Phone</a>', ['info@acme.com']],
  ])('It should find addresses in %s', (_case, inner, expected) => {
    expect(emailsOf(inner)).toEqual(expected);
  });

  it.each([
    ['retina asset names', '<img src="x"><p>logo@2x.png image@3x.webp icon@2x.svg</p>'],
    ['placeholders', '<p>jane.doe@acme.com you@example.com name@domain.com your@email.com john.doe@yourcompany.com</p>'],
    ['prose with a bare " at "', '<p>We are at home. Come visit us at Paris.</p>'],
    ['tracking hashes', '<p>0123456789abcdef0123456789abcdef@o1.ingest.sentry.io</p>'],
    ['a bare @ mention', '<p>Follow @acme on X</p>'],
  ])('It should ignore %s', (_case, inner) => {
    expect(emailsOf(inner)).toEqual([]);
  });

  it('It should keep addresses under a reserved TLD when the company itself lives under it (a test network), and only then', () => {
    const inner = '<a href="mailto:hello@acme.test">Write</a><p>anna.novak@acme.test office@mailbox-hub.test</p>';
    expect(emailsOf(inner, 'acme.test')).toEqual(['hello@acme.test', 'anna.novak@acme.test', 'office@mailbox-hub.test']);
    expect(emailsOf(inner, 'acme.com')).toEqual([]);
  });

  it('It should keep a personal address on a team card when the company lives under a reserved TLD', () => {
    const page = parsed(body('<div class="card"><h3>Anna Novak</h3><p>Head of Sales</p><a href="mailto:anna.novak@acme.test">Email</a></div>'), 'http://acme.test/team');
    expect(extractPeople(page, true, 'acme.test')[0]?.email).toBe('anna.novak@acme.test');
  });

  it('It should lowercase and deduplicate one address seen as a link and as text', () => {
    expect(emailsOf('<a href="mailto:Info@ACME.com">Info@ACME.com</a><p>info@acme.com</p>')).toEqual(['info@acme.com']);
  });

  it('It should mark role addresses and personal ones, and whether the domain is the company\'s (subdomains count)', () => {
    const found = extractEmails(parsed(body('<p>info@acme.com support@eu.acme.com jane@acme.com bob@gmail.com</p>')), 'acme.com');
    expect(found.map(({ email, kind, company_domain }) => [email, kind, company_domain])).toEqual([
      ['info@acme.com', 'role', true],
      ['support@eu.acme.com', 'role', true],
      ['jane@acme.com', 'personal', true],
      ['bob@gmail.com', 'personal', false],
    ]);
  });

  it('It should not count a look-alike domain as the company\'s', () => {
    const [found] = extractEmails(parsed(body('<p>hello@notacme.com</p>')), 'acme.com');
    expect(found?.company_domain).toBe(false);
  });

  it('It should record the page each address came from', () => {
    const found = extractEmails(parsed(body('<p>hello@acme.com</p>'), 'https://acme.com/contact'), 'acme.com');
    expect(found[0]?.source_url).toBe('https://acme.com/contact');
  });

  it('It should ignore addresses hidden in scripts and styles', () => {
    expect(emailsOf('<script>var x = "dev@acme.com"</script><style>/* css@acme.com */</style>')).toEqual([]);
  });
});
