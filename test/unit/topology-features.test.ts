import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTROL_KEY_PREFIXES, FEATURES, topology } from '../../lib/topology.ts';
import { compose } from '../../lib/topology/compose.ts';
import type { Feature } from '../../lib/topology.ts';

const root = path.resolve(import.meta.dirname, '../..');
const features = FEATURES as readonly Feature[];

describe('topology by feature', () => {
  it('It should place every function in exactly one feature', () => {
    const placed = Object.values(topology.features).flat();
    expect(new Set(placed).size).toBe(placed.length);
    expect([...placed].sort()).toEqual(Object.keys(topology.functions).sort());
  });

  it('It should refuse a function declared by two features, naming it', () => {
    const twin: Feature = { name: 'twin', functions: { health: { entry: 'x.ts', timeoutSeconds: 1, memoryMb: 128, access: {} } } };
    expect(() => compose('leadstack', [...features, twin])).toThrow(/function health is declared by more than one feature/);
  });

  it('It should refuse the same HTTP route in two features', () => {
    const twin: Feature = {
      name: 'twin',
      functions: { other: { entry: 'x.ts', timeoutSeconds: 1, memoryMb: 128, access: {} } },
      routes: [{ method: 'GET', path: '/v1/health', fn: 'other', authorized: false }],
    };
    expect(() => compose('leadstack', [...features, twin])).toThrow(/routes declared twice: GET \/v1\/health/);
  });

  it('It should refuse a composition that leaves a declared table without a feature', () => {
    expect(() => compose('leadstack', features.filter((feature) => feature.name !== 'controlTable'))).toThrow(/table control/);
  });

  it('It should refuse a second HTTP authorizer', () => {
    const second: Feature = {
      name: 'second',
      functions: { gate: { entry: 'x.ts', timeoutSeconds: 1, memoryMb: 128, access: {} } },
      httpAuthorizer: { fn: 'gate', header: 'x-api-key' },
    };
    expect(() => compose('leadstack', [...features, second])).toThrow(/exactly one feature must declare httpAuthorizer/);
  });

  it('It should list in the control-table key map every key prefix the DynamoDB adapters write', () => {
    const dir = path.join(root, 'functions/adapters/dynamodb');
    const prefixes = new Set<string>();
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
      for (const match of readFileSync(path.join(dir, file), 'utf8').matchAll(/[`'"]([A-Z][A-Z_]{2,}#)/g)) prefixes.add(match[1]!);
    }
    expect(prefixes.size).toBeGreaterThan(5);
    expect([...prefixes].filter((prefix) => !Object.hasOwn(CONTROL_KEY_PREFIXES, prefix))).toEqual([]);
  });
});
