import { describe, expect, it } from 'vitest';
import { extractPeople, isNameLike } from '../../../../functions/domain/enrichment/extract-people.ts';
import { body, parsed } from './page-fixtures.ts';

const TEAM = 'https://acme.com/team';
const peopleOf = (inner: string, teamPage = true) => extractPeople(parsed(body(inner), TEAM), teamPage).map(({ source_url: _s, ...p }) => p);

describe('people on team pages', () => {
  it('It should pair names with titles, emails and personal LinkedIn profiles in cards', () => {
    const html = `<h2>Meet the Team</h2><div class="grid">
      <div class="card"><img src="jane.jpg" alt=""><h3>Jane Smith</h3><p>Chief Executive Officer</p>
        <a href="mailto:jane.smith@acme.com">Email</a><a href="https://www.linkedin.com/in/jane-smith-42/">LinkedIn</a></div>
      <div class="card"><h3>Pierre-Luc O'Neil</h3><p>VP Engineering</p></div>
      <div class="card"><h3>Ana María García</h3><a href="mailto:ana@acme.com">ana@acme.com</a></div>
    </div>`;
    expect(peopleOf(html)).toEqual([
      { first_name: 'Jane', last_name: 'Smith', title: 'Chief Executive Officer', email: 'jane.smith@acme.com', linkedin_url: 'https://linkedin.com/in/jane-smith-42' },
      { first_name: 'Pierre-Luc', last_name: "O'Neil", title: 'VP Engineering', email: undefined, linkedin_url: undefined },
      { first_name: 'Ana', last_name: 'María García', title: undefined, email: 'ana@acme.com', linkedin_url: undefined },
    ]);
  });

  it('It should read list items of name and title', () => {
    const html = '<ul><li><strong>Max Müller</strong><br><span>Geschäftsführer</span></li><li><strong>Lena Vogel</strong><br><span>Head of Marketing</span></li></ul>';
    expect(peopleOf(html).map((p) => [p.first_name, p.last_name, p.title])).toEqual([['Max', 'Müller', 'Geschäftsführer'], ['Lena', 'Vogel', 'Head of Marketing']]);
  });

  it('It should drop the dash or separator that joins a name and a title on one line', () => {
    const html = '<ul class="team"><li><strong>Ivan Laurent</strong> – Lead Designer</li><li><strong>Wendy Hoffmann</strong> | Sales Director EMEA<br><a href="mailto:wendy@acme.com">wendy@acme.com</a></li><li><strong>Ben Richter</strong>, CTO</li></ul>';
    expect(peopleOf(html).map((p) => [p.first_name, p.last_name, p.title])).toEqual([['Ivan', 'Laurent', 'Lead Designer'], ['Wendy', 'Hoffmann', 'Sales Director EMEA'], ['Ben', 'Richter', 'CTO']]);
  });

  it('It should find a card whose name a comment splits, and none on a page without a name-shaped line', () => {
    expect(peopleOf('<div class="card"><h3>Jane <!-- first --> Smith</h3><p>CTO</p></div>').map((p) => p.last_name)).toEqual(['Smith']);
    expect(peopleOf('<section><p>Jane Smith\n  Chief Executive Officer</p></section>').map((p) => p.title)).toEqual(['Chief Executive Officer']);
    expect(peopleOf('<div class="card"><h3>our team</h3><p>CTO</p><p>Head of Sales</p></div>')).toEqual([]);
  });

  it('It should not make a contact from a name alone, a heading or a testimonial without a title', () => {
    const html = `<div class="card"><h3>Our Team</h3><p>Head of everything we do</p></div>
      <div class="quote"><p>"Great product!"</p><p>John Carter</p></div>
      <div class="card"><h3>Contact Us</h3><a href="mailto:info@acme.com">info@acme.com</a></div>`;
    expect(peopleOf(html)).toEqual([]);
  });

  it('It should read JSON-LD Person nodes on any page, and ignore cards on pages that are not team pages', () => {
    const html = `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"Person","givenName":"Grace","familyName":"Hopper","jobTitle":"CTO","sameAs":["https://www.linkedin.com/in/ghopper"]},
      {"@type":"Person","name":"No Title"}]}</script>
      <div class="card"><h3>Jane Smith</h3><p>Chief Executive Officer</p></div>`;
    expect(peopleOf(html, false)).toEqual([{ first_name: 'Grace', last_name: 'Hopper', title: 'CTO', email: undefined, linkedin_url: 'https://linkedin.com/in/ghopper' }]);
  });

  it.each([
    ['Jane Smith', true],
    ['Jean-Luc Picard', true],
    ['Our Team', false],
    ['Chief Executive Officer', false],
    ['jane smith', false],
    ['Read More', false],
    ['Acme GmbH', false],
    ['Madonna', false],
    ['Quarry Foods AG', false],
    ['Solstice Capital Corp.', false],
    ['Zenith Digital SAS', false],
    ['Harbor Data Pty Ltd', false],
  ])('It should judge %s name-like: %s', (line, expected) => {
    expect(isNameLike(line)).toBe(expected);
  });
});
