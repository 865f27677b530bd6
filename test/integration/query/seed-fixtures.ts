/**
 * A small world in which every filter example of the seeds has one known answer: the
 * companies and contacts below, and which of them each example must return (by name).
 */

const li = (slug: string) => `https://linkedin.com/company/${slug}`;
const person = (slug: string) => `https://linkedin.com/in/${slug}`;

export const COMPANIES = [
  { name: 'Acme Corporation', linkedin_url: li('acme'), website: 'https://acme.com', employees_count: 500, industries: ['Technology', 'Software'], keywords: ['artificial intelligence', 'SaaS'], technologies: ['Python', 'AWS'], city: 'San Francisco', state: 'California', country: 'United States', founded_year: 2016, annual_revenue: 5_000_000 },
  { name: 'Deep Labs', linkedin_url: li('deep-labs'), website: 'https://deeplabs.ai', employees_count: 120, industries: ['Technology'], keywords: ['applied artificial intelligence'], technologies: ['Python'], city: 'Boston', country: 'United States', founded_year: 2019, annual_revenue: 2_000_000 },
  { name: 'Globex', linkedin_url: li('globex'), website: 'https://globex.com', employees_count: 150, industries: ['Fintech'], keywords: ['SaaS', 'payments'], technologies: ['Go'], city: 'San Francisco', state: 'California', country: 'United States', founded_year: 2018, annual_revenue: 20_000_000 },
  { name: 'Initech', employees_count: 60, industries: ['Technology'], keywords: ['cloud computing'], city: 'Austin', state: 'Texas', country: 'United States', founded_year: 2010, annual_revenue: 1_000_000 },
  { name: 'Microsoft Corporation', linkedin_url: li('microsoft'), website: 'https://microsoft.com', employees_count: 220_000, industries: ['Technology', 'Software'], keywords: ['cloud', 'intelligence artificial'], city: 'Redmond', state: 'Washington', country: 'United States', founded_year: 1975, annual_revenue: 200_000_000_000 },
  { name: 'Google', linkedin_url: li('google'), website: 'https://google.com', employees_count: 180_000, industries: ['Technology'], keywords: ['search'], technologies: ['Go', 'Python'], city: 'Mountain View', state: 'California', country: 'United States', founded_year: 1998, annual_revenue: 300_000_000_000 },
  { name: 'Tiny SaaS', linkedin_url: li('tiny-saas'), employees_count: 51, industries: ['Software'], keywords: ['SaaS'], city: 'New York', country: 'United States', founded_year: 2015 },
  { name: 'Umbrella Health', linkedin_url: li('umbrella'), employees_count: 3000, industries: ['Healthcare', 'Technology'], keywords: ['artificial intelligence'], city: 'Berlin', country: 'Germany', founded_year: 2001 },
] as const;

export type CompanyName = (typeof COMPANIES)[number]['name'];

/** Contacts name their company; the test turns it into company_id and company_name. */
export const CONTACTS: readonly (Record<string, unknown> & { first_name: string; last_name: string; company?: CompanyName })[] = [
  { first_name: 'John', last_name: 'Doe', company: 'Acme Corporation', title: 'Senior Software Engineer', seniority: 'senior', departments: ['Engineering', 'Product'], email: 'john.doe@acme.com', email_status: 'verified', linkedin_url: person('johndoe'), city: 'San Francisco', country: 'United States' },
  { first_name: 'Jane', last_name: 'Smith', company: 'Globex', title: 'CEO', seniority: 'c_suite', departments: ['Executive'], email: 'jane@globex.com', email_status: 'verified', linkedin_url: person('janesmith'), city: 'San Francisco', country: 'United States' },
  { first_name: 'Bob', last_name: 'Brown', company: 'Initech', title: 'Engineering Manager', seniority: 'manager', departments: ['Engineering'], city: 'New York', country: 'United States' },
  { first_name: 'Carl', last_name: 'Stone', company: 'Initech', title: 'CEO', seniority: 'c_suite', departments: ['Executive'], city: 'New York', country: 'United States' },
  { first_name: 'Alice', last_name: 'Wong', company: 'Microsoft Corporation', title: 'CEO', seniority: 'c_suite', departments: ['Executive'], email: 'alice@microsoft.com', email_status: 'unverified', linkedin_url: person('alicewong'), city: 'New York', country: 'United States' },
  { first_name: 'Dave', last_name: 'Miller', company: 'Microsoft Corporation', title: 'Principal Engineer', seniority: 'senior', departments: ['Engineering'], email: 'dave@microsoft.com', email_status: 'verified', city: 'Redmond', country: 'United States' },
  { first_name: 'Johnny', last_name: 'Walker', company: 'Google', title: 'Sales Lead', seniority: 'senior', departments: ['Sales'], email: 'johnny@google.com', email_status: 'verified', city: 'New York', country: 'United States' },
  { first_name: 'Mary', last_name: 'Johnson', company: 'Globex', title: 'CFO', seniority: 'c_suite', departments: ['Finance'], email: 'mary@globex.com', email_status: 'verified', city: 'New York', country: 'United States' },
  { first_name: 'Hans', last_name: 'Becker', company: 'Umbrella Health', title: 'CEO', seniority: 'c_suite', departments: ['Executive'], email: 'hans@umbrella.de', email_status: 'verified', linkedin_url: person('hansbecker'), city: 'Berlin', country: 'Germany' },
  { first_name: 'Nora', last_name: 'Free', title: 'Consultant', seniority: 'senior', departments: ['Engineering'], city: 'New York', country: 'United States' },
];
