import { describe, expect, it } from 'vitest';
import { corsOriginsFrom } from '../../bin/app.ts';
import { canonicalHeader, entriesOf } from '../../lib/cloud/naming.ts';
import { referencedFunctions } from '../../lib/topology.ts';
import { searchActions, searchResources } from '../../lib/cloud/search-access.ts';
import { dataNodesFor } from '../../lib/cloud/search-domain.ts';
import { DEFAULT_CORS_ORIGINS, topology } from '../../lib/topology.ts';
import type { Topology } from '../../lib/topology.ts';
import { copyTopology } from './helpers.ts';

describe('cloud derivation helpers', () => {
  describe('corsOriginsFrom', () => {
    it('It should split, trim and drop empty origins from the corsOrigins context', () => {
      expect(corsOriginsFrom(' https://a.example.com, https://b.example.com ,')).toEqual([
        'https://a.example.com',
        'https://b.example.com',
      ]);
    });

    it('It should fall back to DEFAULT_CORS_ORIGINS when the context is missing, empty or not a string', () => {
      for (const context of [undefined, '', ' , ', 42]) expect(corsOriginsFrom(context)).toEqual([...DEFAULT_CORS_ORIGINS]);
    });
  });

  describe('canonicalHeader', () => {
    it('It should write header names the way API Gateway identity sources show them', () => {
      expect(canonicalHeader('authorization')).toBe('Authorization');
      expect(canonicalHeader('x-api-KEY')).toBe('X-Api-Key');
    });
  });

  describe('entriesOf', () => {
    it('It should skip keys whose value is undefined (optional access entries)', () => {
      expect(entriesOf<'a' | 'b', string>({ a: 'x', b: undefined })).toEqual([['a', 'x']]);
    });
  });

  describe('referencedFunctions', () => {
    it('It should list every referenced function once, in declaration order', () => {
      const names = referencedFunctions(topology);
      expect(new Set(names).size).toBe(names.length);
      expect(names).toEqual(Object.keys(topology.functions).filter((name) => names.includes(name)));
      expect(names).toEqual(expect.arrayContaining(['authorizer', 'health', 'indexRecords', 'ensureSearchIndexes', 'uploadReceived']));
    });

    it('It should not take an inherited property for a declared function', () => {
      const source = copyTopology();
      const http = { ...source.http, routes: [{ method: 'GET', path: '/x', fn: 'toString', authorized: false }] } as unknown as Topology['http'];
      expect(() => referencedFunctions({ ...source, http })).toThrow(/toString/);
    });
  });

  describe('search grants', () => {
    const indexes = Object.values(topology.searchIndexes);

    it('It should give reads GET/HEAD/POST, writes PUT/POST/DELETE and readwrite their union', () => {
      expect(searchActions('read')).toEqual(['es:ESHttpGet', 'es:ESHttpHead', 'es:ESHttpPost']);
      expect(searchActions('write')).toEqual(['es:ESHttpPut', 'es:ESHttpPost', 'es:ESHttpDelete']);
      expect(new Set(searchActions('readwrite'))).toEqual(new Set([...searchActions('read'), ...searchActions('write')]));
    });

    it('It should keep cluster-level write paths (_bulk, _aliases) out of read grants', () => {
      expect(searchResources('read', 'arn:d', indexes)).not.toContain('arn:d/_bulk');
      expect(searchResources('write', 'arn:d', indexes)).toEqual(expect.arrayContaining(['arn:d/_bulk', 'arn:d/_aliases']));
      expect(searchResources('readwrite', 'arn:d', indexes)).toEqual(
        expect.arrayContaining(['arn:d/_bulk', 'arn:d/_alias/companies', 'arn:d/companies-v1/*']),
      );
    });
  });

  describe('dataNodesFor', () => {
    it('It should allocate one data node per shard copy', () => {
      const [spec] = Object.values(topology.searchIndexes);
      expect(dataNodesFor([{ ...spec!, settings: { number_of_replicas: 0 } }])).toBe(1);
      expect(dataNodesFor([{ ...spec!, settings: { number_of_replicas: 2 } }])).toBe(3);
    });
  });
});
