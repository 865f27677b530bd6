import { describe, expect, it } from 'vitest';
import { isOwnUploadKey, newUploadKey, sanitiseFilename, workspaceOfKey } from '../../../../functions/domain/uploads/upload-key.ts';

describe('upload keys', () => {
  it('It should put a new upload under the workspace uploads prefix with a fresh id and a safe name', () => {
    const key = newUploadKey('ws-1', 'My Contacts (2024).csv', '0b8f');
    expect(key).toBe('workspaces/ws-1/uploads/0b8f/My_Contacts_2024_.csv');
    expect(workspaceOfKey(key)).toBe('ws-1');
  });

  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\boot.ini', 'boot.ini'],
    ['.hidden.csv', 'hidden.csv'],
    ['résumé.csv', 'resume.csv'],
    ['', 'upload'],
    ['..', 'upload'],
    ['a"b;c.csv', 'a_b_c.csv'],
  ])('It should sanitise %j to %j', (input, expected) => {
    expect(sanitiseFilename(input)).toBe(expected);
  });

  it('It should keep at most 200 characters of a long name, keeping its extension', () => {
    const name = sanitiseFilename(`${'x'.repeat(500)}.csv`);
    expect(name).toHaveLength(200);
    expect(name.endsWith('.csv')).toBe(true);
  });

  it.each([
    ['workspaces/ws-1/uploads/id/a.csv', true],
    ['workspaces/ws-2/uploads/id/a.csv', false],
    ['workspaces/ws-1/exports/job.csv', false],
    ['workspaces/ws-1/uploads/', false],
    ['workspaces/ws-1/uploads/../../ws-2/uploads/a.csv', false],
    ['workspaces/ws-1/uploads//a.csv', false],
    ['workspaces/ws-1/uploads/a\\b.csv', false],
    ['workspaces/ws-10/uploads/id/a.csv', false],
  ])('It should say whether %s is an upload key of ws-1 (%s)', (key, own) => {
    expect(isOwnUploadKey('ws-1', key)).toBe(own);
  });
});
