/** The webappanalyzer JSON schema as far as leadstack reads it (icon, website, cpe, ... are ignored). */

export type OneOrMany = string | string[];

export interface RawDomRule {
  exists?: string;
  text?: string;
  attributes?: Record<string, string>;
  properties?: Record<string, string>;
}

export interface RawTechnology {
  cats?: number[];
  html?: OneOrMany;
  scriptSrc?: OneOrMany;
  scripts?: OneOrMany;
  headers?: Record<string, string>;
  cookies?: Record<string, string>;
  meta?: Record<string, OneOrMany>;
  dom?: OneOrMany | Record<string, RawDomRule>;
  js?: Record<string, string>;
  url?: OneOrMany;
  implies?: OneOrMany;
  requires?: OneOrMany;
  excludes?: OneOrMany;
}

export type RawTechnologyFile = Record<string, RawTechnology>;
export type RawCategories = Record<string, { name: string; priority?: number }>;
