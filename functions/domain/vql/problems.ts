import { validationError, type ErrorDetail } from '../../platform/errors.ts';
import { fieldSpec, type Entity, type FieldSpec } from '../records/fields.ts';

/** Collects every problem of a query, so one answer names them all. */
export class Problems {
  readonly list: ErrorDetail[] = [];
  /** Records a problem; returns undefined so a caller can `return problems.add(...)`. */
  add(path: string, message: string): undefined {
    this.list.push({ path, message });
    return undefined;
  }
  throwIfAny(): void {
    if (this.list.length > 0) {
      throw validationError(`Invalid query: ${this.list.map((p) => p.path).join(', ')}`, this.list);
    }
  }
}

/** Prefix that names a field of a contact's company in a contact query: `company.industries`. */
export const COMPANY_PREFIX = 'company.';

/** Where a field lives: on the queried record itself, or on a contact's company (a join). */
export interface ResolvedField {
  readonly spec: FieldSpec;
  /** The field's name in its own index. */
  readonly name: string;
  readonly onCompany: boolean;
}

const NUMERIC = new Set(['integer', 'long', 'double']);
export const isNumeric = (spec: FieldSpec): boolean => NUMERIC.has(spec.type);

/** `workspace_id` is never queryable: the compiler alone filters on it. */
function catalogued(entity: Entity, field: string): FieldSpec | undefined {
  return field === 'workspace_id' ? undefined : fieldSpec(entity, field);
}

/** A field of the record itself. */
export function lookupOwn(entity: Entity, field: string, path: string, problems: Problems): FieldSpec | undefined {
  const spec = catalogued(entity, field);
  return spec ?? problems.add(path, `Unknown ${entity} field: ${field}`);
}

/** A field of the record, or for contacts also `company.<field>` of the contact's company. */
export function lookupFilterField(entity: Entity, field: string, path: string, problems: Problems): ResolvedField | undefined {
  if (entity === 'contact' && field.startsWith(COMPANY_PREFIX)) {
    const name = field.slice(COMPANY_PREFIX.length);
    const spec = catalogued('company', name);
    return spec ? { spec, name, onCompany: true } : problems.add(path, `Unknown company field: ${name}`);
  }
  const spec = lookupOwn(entity, field, path, problems);
  return spec ? { spec, name: field, onCompany: false } : undefined;
}
