import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Reads the request examples out of the seed documents themselves, so the seed route table is
 * checked against what the products actually document. An example is a method and a path (with
 * its query string), and a JSON body when the document gives one. Recognised forms:
 * `**POST** \`/path\``, `#### \`GET /path\``, a line `GET /path` (in a code block, with the body
 * on the lines after it), `// POST /path` inside a JSON block, and `curl [-X M] URL [-d '…']`.
 */

export interface SeedExample {
  readonly seed: string;
  readonly line: number;
  readonly method: string;
  /** The path without scheme and host, with its query string. */
  readonly path: string;
  readonly body?: unknown;
}

const REPO_ROOT = join(import.meta.dirname, '../../..');

/** `../shared/seeds` beside the repository (or beside the worktrees' folder); LEADSTACK_SEEDS_DIR overrides. */
export function seedsDir(): string {
  const candidates = process.env.LEADSTACK_SEEDS_DIR ? [process.env.LEADSTACK_SEEDS_DIR] : [join(REPO_ROOT, '../shared/seeds'), join(REPO_ROOT, '../../shared/seeds')];
  const found = candidates.find((dir) => existsSync(join(dir, 'README.md')));
  if (!found) throw new Error(`No seed documents found in ${candidates.join(' or ')}; set LEADSTACK_SEEDS_DIR`);
  return found;
}

const METHOD = '(GET|POST|PUT|PATCH|DELETE)';
const URL_PART = '((?:https?://[^\\s/`]+)?/[^\\s`\'"]*)';
const FORMS = [
  new RegExp(`^\\*\\*${METHOD}\\*\\* \`${URL_PART}\``),
  new RegExp(`^#+ \`${METHOD} ${URL_PART}\``),
  new RegExp(`^${METHOD} ${URL_PART}\\s*$`),
  new RegExp(`^// ${METHOD} ${URL_PART}\\s*$`),
  new RegExp(`^\\*\\*Example:\\*\\* \`${METHOD} ${URL_PART}\``),
];

const stripHost = (url: string): string => url.replace(/^https?:\/\/[^/]+/, '');

/** JSON as the documents write it: with `//` and `#` comments and trailing commas. */
export function parseDocJson(text: string): unknown {
  const cleaned = text
    .split('\n')
    .map((line) => line.replace(/\s+(\/\/|#)\s.*$/, '').replace(/^\s*(\/\/|#).*$/, ''))
    .join('\n')
    // `{...}` is the documents' shorthand for "some object".
    .replace(/\{\s*(\.\.\.|…)\s*\}/g, '{}')
    .replace(/\[\s*(\.\.\.|…)\s*\]/g, '[]')
    .replace(/,(\s*[}\]])/g, '$1');
  return JSON.parse(cleaned);
}

interface Block {
  readonly start: number;
  readonly lang: string;
  readonly lines: string[];
}

function codeBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let open: Block | undefined;
  lines.forEach((line, i) => {
    const fence = /^```(\w*)\s*$/.exec(line.trim());
    if (!fence) return open?.lines.push(line);
    if (open) {
      blocks.push(open);
      open = undefined;
    } else open = { start: i, lang: fence[1] ?? '', lines: [] };
  });
  return blocks;
}

/** The JSON blocks between `from` and `until` whose label (just above them) reads like a request. */
function requestBodiesAfter(lines: readonly string[], blocks: readonly Block[], from: number, until: number): unknown[] {
  return blocks
    .filter((block) => block.start > from && block.start < until && block.lang === 'json')
    .filter((block) => /request/i.test(lines.slice(Math.max(from, block.start - 2), block.start).join(' ')))
    .map((block) => parseDocJson(block.lines.join('\n')));
}

function curlExamples(seed: string, lines: readonly string[]): SeedExample[] {
  const out: SeedExample[] = [];
  lines.forEach((line, i) => {
    if (!/^curl\b/.test(line.trim())) return;
    let command = line;
    for (let j = i; lines[j]?.trimEnd().endsWith('\\') || /-d '[^']*$/.test(command); j++) command += `\n${lines[j + 1] ?? ''}`;
    const url = /(https?:\/\/[^\s"']+)/.exec(command)?.[1];
    if (!url) return;
    const data = /-d '([\s\S]*?)'/.exec(command)?.[1];
    const method = /-X (\w+)/.exec(command)?.[1] ?? (data ? 'POST' : 'GET');
    out.push({ seed, line: i + 1, method, path: stripHost(url), ...(data ? { body: parseDocJson(data) } : {}) });
  });
  return out;
}

/** The body written on the lines right after a bare `POST /path` line, up to the block's end. */
function inlineBody(lines: readonly string[], at: number): unknown {
  const rest: string[] = [];
  for (let j = at + 1; j < lines.length && !lines[j]!.trim().startsWith('```') && !/^#/.test(lines[j]!.trim()) ; j++) rest.push(lines[j]!);
  const text = rest.join('\n').trim();
  return text.startsWith('{') || text.startsWith('[') ? parseDocJson(text) : undefined;
}

export function extractExamples(seed: string, text: string): SeedExample[] {
  const lines = text.split('\n');
  const blocks = codeBlocks(lines);
  const found: { line: number; method: string; path: string; inline: boolean }[] = [];
  lines.forEach((line, i) => {
    for (const [index, form] of FORMS.entries()) {
      const match = form.exec(line.trim());
      if (match) return found.push({ line: i, method: match[1]!, path: stripHost(match[2]!), inline: index >= 2 });
    }
  });
  const examples = found.flatMap((hit, k): SeedExample[] => {
    const next = found[k + 1]?.line ?? lines.length;
    const inline = hit.inline ? inlineBody(lines, hit.line) : undefined;
    const bodies = inline !== undefined ? [inline] : requestBodiesAfter(lines, blocks, hit.line, next);
    const base = { seed, line: hit.line + 1, method: hit.method, path: hit.path };
    return bodies.length === 0 ? [base] : bodies.map((body) => ({ ...base, body }));
  });
  return [...examples, ...curlExamples(seed, lines)];
}

/** Every example of every seed document (`NNN_*.txt`), in file order. */
export function readSeedExamples(dir = seedsDir()): SeedExample[] {
  return readdirSync(dir)
    .filter((name) => /^\d{3}_.*\.txt$/.test(name))
    .sort()
    .flatMap((name) => extractExamples(name, readFileSync(join(dir, name), 'utf8')));
}
