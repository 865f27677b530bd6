/**
 * Item 5.02 covers both an executive leaving and one arriving (and pay changes, which are
 * neither). The excerpt's verbs tell which: a succession ("X resigned; the Board appointed Y")
 * says both, and is both signals. "Terminated" alone is not a departure: appointment filings
 * describe what happens if the new employment is terminated.
 */
import type { SignalType } from './signal-types.ts';

const DEPARTURE = /\b(resign(?:ed|s|ing|ation)?|retire(?:d|s|ment)?|retiring|step(?:ped|s|ping)? down|depart(?:ed|s|ure)?|(?:was|has been|is being) terminated|terminated (?:his|her|their|the) employment|separated from|will (?:leave|cease)|ceased to serve|not (?:to )?stand for re-?election|passed away)\b/i;
const HIRE = /\b(appoint(?:ed|s|ment)?|named|elect(?:ed|ion) .{0,40}\bas\b|hired|promot(?:ed|ion)|will (?:join|serve as|become)|to serve as|commenc(?:ed|e) employment|succeed(?:s|ed)?)\b/i;

/** Item 5.02's own caption names departures and appointments whatever happened: never read it as evidence. */
const CAPTION = /departure of (?:directors|officers)(?: or (?:certain )?officers)?|election of directors|appointment of (?:certain )?officers|compensatory arrangements of certain officers/gi;

/** The executive signals an Item 5.02 excerpt supports, departure first; empty when it says neither. */
export function executiveChangeTypes(excerpt: string): SignalType[] {
  const body = excerpt.replace(CAPTION, ' ');
  const types: SignalType[] = [];
  if (DEPARTURE.test(body)) types.push('EXECUTIVE_DEPARTURE');
  if (HIRE.test(body)) types.push('EXECUTIVE_HIRE');
  return types;
}
