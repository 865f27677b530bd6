/**
 * A reference reader for the fake web's tests: undoes the obfuscations the generator applies
 * (entities, [at]/(at), [dot]/(dot)) and runs the js-only site's script against a stub DOM.
 * Deliberately naive: it proves the data is there, it is not the product's extractor.
 */
import { runInNewContext } from 'node:vm';

export function decodeEntities(html: string): string {
  return html
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The page text with common email obfuscations undone, so a plain substring check finds addresses. */
export function deobfuscate(html: string): string {
  return decodeEntities(html)
    .replace(/\s*[[(]at[\])]\s*/gi, '@')
    .replace(/\s*[[(]dot[\])]\s*/gi, '.');
}

/** Runs a served script with a document whose one element records what the script writes into it. */
export function runWithStubDom(script: string, elementId: string): string {
  let written = '';
  const element = { set innerHTML(html: string) { written = html; }, get innerHTML() { return written; }, removeAttribute: () => undefined };
  const document = {
    readyState: 'complete',
    getElementById: (id: string) => (id === elementId ? element : null),
    addEventListener: () => undefined,
  };
  runInNewContext(script, {
    document,
    atob: (b64: string) => Buffer.from(b64, 'base64').toString('latin1'),
    escape, decodeURIComponent, JSON, String,
  });
  return written;
}

/** Digits of a written phone number with a leading national trunk 0 dropped. */
export const nationalDigits = (display: string, countryCallingCode: string): string => {
  let digits = display.replace(/\(0\)/g, '').replace(/\D/g, '');
  if (digits.startsWith(countryCallingCode) && display.trim().startsWith('+')) digits = digits.slice(countryCallingCode.length);
  else if (countryCallingCode === '1' && digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  return digits.replace(/^0/, '');
};
