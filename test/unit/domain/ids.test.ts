import { v5 as uuidv5 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { companyUuid, contactUuid } from '../../../functions/domain/records/ids.ts';

const NAMESPACE = '6f1c9a52-3b0e-5d4f-9a7e-2c8b1d0e4f31';

describe('record identities', () => {
  it.each([
    ['Acme Corporation', 'https://linkedin.com/company/acme-corp'],
    ['Zürich Versicherung', undefined],
    ['  Ünïcødé   Co  ', 'HTTPS://www.LinkedIn.com/company/x/?trk=1'],
    [undefined, 'https://linkedin.com/company/only-url'],
  ])('It should derive the same company UUID as UUIDv5 over the normalised key (%s)', (name, url) => {
    // Act
    const uuid = companyUuid(name, url);
    // Assess
    const key = `company\u0000${(name ?? '').replace(/\s+/g, ' ').trim().toLowerCase()}\u0000${url ? url.toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/^www\./, '').replace(/[?#].*$/, '').replace(/\/+$/, '') : ''}`;
    expect(uuid).toBe(uuidv5(key, NAMESPACE));
  });

  it('It should keep the contact UUID of a known record fixed forever', () => {
    // Act
    const uuid = contactUuid('Zoë', "O'Neil", 'https://linkedin.com/in/zoe');
    // Assess
    expect(uuid).toBe(uuidv5("contact\u0000zoë\u0000o'neil\u0000linkedin.com/in/zoe", NAMESPACE));
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
