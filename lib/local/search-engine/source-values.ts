/** Own properties only: `_source` objects come from JSON and may carry keys like `__proto__`. */
function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

function collect(value: unknown, parts: readonly string[], from: number, out: unknown[]): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, parts, from, out);
    return;
  }
  if (from === parts.length) {
    out.push(value);
    return;
  }
  if (typeof value !== 'object') return;
  const obj = value as Record<string, unknown>;
  // A path may be spelled as nested objects, as a dotted key, or a mix ({"a.b": {"c": 1}}).
  let key = '';
  for (let i = from; i < parts.length; i++) {
    key = i === from ? parts[i]! : `${key}.${parts[i]}`;
    const child = own(obj, key);
    if (child !== undefined) collect(child, parts, i + 1, out);
  }
}

/** The scalar values found at a dotted path of `_source`, arrays flattened. */
export function valuesAtPath(source: Record<string, unknown>, path: string): unknown[] {
  const out: unknown[] = [];
  collect(source, path.split('.'), 0, out);
  return out;
}
