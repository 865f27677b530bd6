import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

/** Where definitions shared inside one schema end up in the OpenAPI document. */
const COMPONENTS_PREFIX = '#/components/schemas/';

/**
 * Collects the JSON Schemas of a document. zod puts a schema's reused or recursive parts under
 * its own `$defs`, whose `#/$defs/x` references would resolve against the OpenAPI document's
 * root; they are hoisted into `components.schemas` under a name unique to their owner instead.
 */
export class SchemaCollector {
  readonly components: Record<string, JsonSchema> = {};

  /**
   * `io: 'input'` documents what a client sends (before transforms: "1,200" is a valid number),
   * `output` what it receives. Refinements and transforms have no JSON Schema form; they are
   * left out rather than failing the whole document.
   */
  convert(schema: z.ZodType, io: 'input' | 'output', owner: string): JsonSchema {
    const converted = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any', reused: 'inline' }) as JsonSchema;
    const { $schema: _dialect, $defs, ...rest } = converted;
    const renames = new Map<string, string>();
    for (const name of Object.keys(($defs ?? {}) as JsonSchema)) renames.set(name, this.freeName(`${owner}_${name}`));
    const rewrite = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(rewrite);
      if (node === null || typeof node !== 'object') return node;
      const out: JsonSchema = {};
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string' && value.startsWith('#/$defs/')) {
          out[key] = `${COMPONENTS_PREFIX}${renames.get(value.slice('#/$defs/'.length)) ?? ''}`;
        } else if (key === '$ref' && value === '#') {
          // A schema that refers to itself as a whole: give it a component of its own.
          out[key] = `${COMPONENTS_PREFIX}${this.selfName(owner, renames)}`;
        } else {
          out[key] = rewrite(value);
        }
      }
      return out;
    };
    for (const [name, def] of Object.entries(($defs ?? {}) as JsonSchema)) {
      this.components[renames.get(name) as string] = rewrite(def) as JsonSchema;
    }
    const root = rewrite(rest) as JsonSchema;
    const self = renames.get('#');
    if (self !== undefined) {
      this.components[self] = root;
      return { $ref: `${COMPONENTS_PREFIX}${self}` };
    }
    return root;
  }

  /** Registers a named component (the error envelope) and returns a reference to it. */
  register(name: string, schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    const converted = this.convert(schema, io, name);
    if (typeof converted.$ref === 'string') return converted;
    this.components[name] = converted;
    return { $ref: `${COMPONENTS_PREFIX}${name}` };
  }

  private selfName(owner: string, renames: Map<string, string>): string {
    const existing = renames.get('#');
    if (existing !== undefined) return existing;
    const name = this.freeName(owner);
    renames.set('#', name);
    return name;
  }

  private freeName(base: string): string {
    const clean = base.replace(/[^A-Za-z0-9._-]/g, '_');
    let name = clean;
    for (let n = 2; Object.hasOwn(this.components, name); n++) name = `${clean}_${n}`;
    // Reserve it now: a recursive schema refers to its component before it is filled.
    this.components[name] = {};
    return name;
  }
}
