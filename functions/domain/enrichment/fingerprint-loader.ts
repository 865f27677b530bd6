/**
 * Reads a fingerprint directory in the webappanalyzer layout: a `categories.json` (in the
 * directory or its parent) and technology files either beside it or under `technologies/`.
 * An operator points leadstack at a full third-party set this way; the path comes from config.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RawCategories, RawTechnologyFile } from './fingerprint-schema.ts';
import type { FingerprintSet } from './fingerprint-set.ts';
import { compileFingerprintSet } from './fingerprint-set.ts';

const CATEGORIES_FILE = 'categories.json';

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'), (key, value: unknown) => (key === '__proto__' ? undefined : value));
}

function technologyFiles(dir: string): string[] {
  const sub = path.join(dir, 'technologies');
  const root = existsSync(sub) ? sub : dir;
  return readdirSync(root)
    .filter((f) => f.endsWith('.json') && f !== CATEGORIES_FILE)
    .sort()
    .map((f) => path.join(root, f));
}

export function loadFingerprintDir(dir: string): FingerprintSet {
  const categoriesPath = [path.join(dir, CATEGORIES_FILE), path.join(dir, '..', CATEGORIES_FILE)].find((p) => existsSync(p));
  if (!categoriesPath) throw new Error(`No ${CATEGORIES_FILE} in fingerprint directory ${dir}`);
  const categories = readJson(categoriesPath) as RawCategories;
  const files = technologyFiles(dir).map((f) => readJson(f) as RawTechnologyFile);
  return compileFingerprintSet(files, categories);
}
