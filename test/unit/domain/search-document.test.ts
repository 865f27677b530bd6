import { describe, expect, it } from 'vitest';
import { indexOperationFor } from '../../../functions/domain/records/search-document.ts';

const stored = { pk: 'WS#w#COMPANY#u', sk: 'RECORD', entity: 'company', workspace_id: 'w', uuid: 'u', version: 4, name: 'Acme', internal_note: 'x' };

describe('indexOperationFor', () => {
  it('It should index catalogued fields only, under a workspace-scoped id and the stored version', () => {
    expect(indexOperationFor('MODIFY', stored, undefined)).toEqual({
      entity: 'company',
      id: 'w:u',
      version: 4,
      document: { workspace_id: 'w', uuid: 'u', version: 4, name: 'Acme' },
    });
  });

  it('It should delete a soft-deleted record at its version and a removed one just after it', () => {
    expect(indexOperationFor('MODIFY', { ...stored, deleted_at: '2026-01-01T00:00:00Z' }, undefined)).toEqual({ entity: 'company', id: 'w:u', version: 4 });
    expect(indexOperationFor('REMOVE', undefined, stored)).toEqual({ entity: 'company', id: 'w:u', version: 5 });
  });

  it('It should ignore items that are not records', () => {
    expect(indexOperationFor('INSERT', { pk: 'x', sk: 'y' }, undefined)).toBeUndefined();
  });
});
