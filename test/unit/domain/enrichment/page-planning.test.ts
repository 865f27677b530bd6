import { describe, expect, it } from 'vitest';
import { needsJavaScript, pickPagesToFetch } from '../../../../functions/domain/enrichment/page-planning.ts';
import { body } from './page-fixtures.ts';

describe('page planning', () => {
  const home = body(`<nav>
    <a href="/blog/post-1">Blog</a><a href="/careers">Careers</a><a href="/about-us">About us</a>
    <a href="/contact#form">Contact</a><a href="/contact">Contact again</a><a href="https://acme.com/team/">Our team</a>
    <a href="https://other.com/contact">Partner contact</a><a href="/impressum">Impressum</a><a href="/brochure-contact.pdf">PDF</a>
    <a href="mailto:info@acme.com">Mail</a><a href="javascript:void(0)">JS</a><a href="/">Home</a>
    <a href="https://shop.acme.com/kontakt">Shop</a><a href="/legal/privacy">Privacy</a></nav>`);

  it('It should rank contact, team, imprint and about pages first and careers last, same site only', () => {
    expect(pickPagesToFetch(home, 'https://www.acme.com/', 10)).toEqual([
      'https://www.acme.com/contact',
      'https://shop.acme.com/kontakt',
      'https://acme.com/team/',
      'https://www.acme.com/impressum',
      'https://www.acme.com/about-us',
      'https://www.acme.com/legal/privacy',
      'https://www.acme.com/careers',
    ]);
  });

  it('It should respect the limit', () => {
    expect(pickPagesToFetch(home, 'https://www.acme.com/', 2)).toEqual(['https://www.acme.com/contact', 'https://shop.acme.com/kontakt']);
    expect(pickPagesToFetch(home, 'https://www.acme.com/', 0)).toEqual([]);
  });

  it.each([
    ['French', '<a href="/nous-contacter">Nous contacter</a><a href="/qui-sommes-nous">Qui sommes-nous</a>', ['https://acme.fr/nous-contacter', 'https://acme.fr/qui-sommes-nous']],
    ['German link text', '<a href="/seite-7">Kontakt</a><a href="/seite-9">Über uns</a>', ['https://acme.fr/seite-7', 'https://acme.fr/seite-9']],
    ['Spanish', '<a href="/contacto">Contacto</a><a href="/aviso-legal">Aviso legal</a>', ['https://acme.fr/contacto', 'https://acme.fr/aviso-legal']],
  ])('It should recognise %s pages', (_case, links, expected) => {
    expect(pickPagesToFetch(body(links), 'https://acme.fr/', 5)).toEqual(expected);
  });

  it('It should survive broken hrefs', () => {
    expect(pickPagesToFetch(body('<a href="http://[::1">x</a><a href="/%E0%A4%A">Contact</a>'), 'https://acme.com/', 5)).toEqual([]);
  });
});

describe('needsJavaScript', () => {
  it.each([
    ['an empty React root with a bundle', '<html><body><div id="root"></div><script src="/static/js/main.abc.js"></script></body></html>', true],
    ['an Angular shell', '<html><body><app-root></app-root><script src="main.js"></script></body></html>', true],
    ['a noscript plea over little text', `<html><body><noscript>You need to enable JavaScript to run this app.</noscript><div id="app-shell"><p>${'Loading our site. '.repeat(20)}</p></div><script src="/app.js"></script></body></html>`, true],
    ['almost no text but scripts', '<html><body><p>Loading…</p><script src="/bundle.js"></script></body></html>', true],
  ])('It should say yes for %s', (_case, html, expected) => {
    expect(needsJavaScript(html)).toBe(expected);
  });

  it.each([
    ['a server-rendered page with scripts', body(`<main><h1>Acme</h1><p>${'We build anvils for road runners. '.repeat(30)}</p></main><script src="/app.js"></script>`)],
    ['a plain page without scripts', body('<p>Short.</p>')],
    ['a rendered Next.js page', `<div id="__next"><h1>Acme</h1><p>${'Server rendered content here. '.repeat(20)}</p></div><script src="/_next/static/x.js"></script>`],
  ])('It should say no for %s', (_case, html) => {
    expect(needsJavaScript(html)).toBe(false);
  });
});
