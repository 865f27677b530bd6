import type { Contact } from './helpers.ts';

/** Five contacts covering case differences, arrays, missing fields and every value type. */
export const CONTACTS: readonly Contact[] = [
  {
    first_name: 'John', last_name: 'Smith', title: 'Senior Software Engineer', email: 'John.Smith@Acme.com', country: 'FR', seniority: 'senior',
    departments: ['Engineering', 'Data'], employees: 50, revenue: 1_000_000, score: 4.5, created_at: '2024-01-15T10:00:00Z', verified: true,
  },
  {
    first_name: 'Jane', last_name: 'Doe', title: 'Head of Sales', email: 'jane@globex.com', country: 'us', seniority: 'director',
    departments: ['Sales'], employees: 500, revenue: 5_000_000, score: 3.2, created_at: '2024-03-01', verified: false,
  },
  {
    first_name: 'Mary-Jane', last_name: "O'Neil", title: 'Software Engineer', email: 'mj@initech.io', country: 'Us', seniority: 'entry',
    departments: ['Engineering'], employees: 10, created_at: 1_700_000_000_000, verified: true,
  },
  {
    first_name: 'Pierre', last_name: 'Dubois', title: 'Chief Executive Officer', email: 'pierre@acme.fr', country: 'fr', seniority: 'c_suite',
    employees: 5000, score: 4.9, created_at: '2022-06-30T23:59:59.999Z',
  },
  { first_name: 'Smith', last_name: 'Johnson', title: 'Software Sales Engineer', country: 'DE', departments: [], employees: 50, created_at: '2024-01-15T00:00:00Z' },
];
