/**
 * A seeded corpus of companies and contacts shaped like the records index holds them (the
 * field catalog in functions/domain/records/fields.ts), with skewed distributions: a few
 * cities, industries, titles and technologies are common and the long tail is rare, sizes are
 * log-normal, revenue follows size, and free text is composed from phrase lists so common and
 * rare words and phrases both exist.
 *
 * Text holds only ASCII letters, digits, spaces, commas and full stops, where OpenSearch's
 * standard tokenizer, Orama's tokenizer and the brute-force tokenizer all split the same way.
 */
import { normal, prng, SkewedPicker, uuidFrom } from './prng.ts';

export type Doc = Record<string, unknown>;

export const BENCH_WORKSPACE = 'ws-bench';
const OTHER_WORKSPACE = 'ws-other';
/** Share of documents in the queried workspace; the rest belong to another tenant. */
const BENCH_WORKSPACE_SHARE = 0.9;

const PLACES: ReadonlyArray<readonly [city: string, state: string, country: string]> = [
  ['new york', 'ny', 'us'], ['san francisco', 'ca', 'us'], ['london', 'england', 'gb'], ['los angeles', 'ca', 'us'], ['chicago', 'il', 'us'],
  ['boston', 'ma', 'us'], ['austin', 'tx', 'us'], ['seattle', 'wa', 'us'], ['paris', 'idf', 'fr'], ['berlin', 'be', 'de'],
  ['toronto', 'on', 'ca'], ['bangalore', 'ka', 'in'], ['sydney', 'nsw', 'au'], ['amsterdam', 'nh', 'nl'], ['denver', 'co', 'us'],
  ['atlanta', 'ga', 'us'], ['dallas', 'tx', 'us'], ['miami', 'fl', 'us'], ['munich', 'by', 'de'], ['madrid', 'md', 'es'],
  ['stockholm', 'ab', 'se'], ['dublin', 'd', 'ie'], ['singapore', 'sg', 'sg'], ['tokyo', '13', 'jp'], ['sao paulo', 'sp', 'br'],
  ['mumbai', 'mh', 'in'], ['manchester', 'england', 'gb'], ['lyon', 'ara', 'fr'], ['vancouver', 'bc', 'ca'], ['melbourne', 'vic', 'au'],
  ['phoenix', 'az', 'us'], ['portland', 'or', 'us'], ['hamburg', 'hh', 'de'], ['barcelona', 'ct', 'es'], ['zurich', 'zh', 'ch'],
  ['warsaw', 'mz', 'pl'], ['tel aviv', 'ta', 'il'], ['copenhagen', 'h', 'dk'], ['oslo', 'os', 'no'], ['helsinki', 'us', 'fi'],
  ['milan', 'lo', 'it'], ['lisbon', 'li', 'pt'], ['prague', 'pr', 'cz'], ['vienna', 'wi', 'at'], ['brussels', 'bru', 'be'],
  ['raleigh', 'nc', 'us'], ['salt lake city', 'ut', 'us'], ['pittsburgh', 'pa', 'us'], ['nashville', 'tn', 'us'], ['minneapolis', 'mn', 'us'],
];

const INDUSTRIES = [
  'computer software', 'information technology and services', 'internet', 'marketing and advertising', 'financial services', 'hospital and health care',
  'staffing and recruiting', 'real estate', 'management consulting', 'construction', 'retail', 'education management', 'telecommunications',
  'banking', 'insurance', 'automotive', 'biotechnology', 'pharmaceuticals', 'logistics and supply chain', 'food and beverages', 'e learning',
  'computer and network security', 'venture capital', 'renewables and environment', 'media production', 'legal services', 'hospitality',
  'consumer goods', 'mechanical or industrial engineering', 'accounting', 'architecture and planning', 'oil and energy', 'apparel and fashion',
  'electrical manufacturing', 'semiconductors', 'wholesale', 'government administration', 'nonprofit organization management', 'airlines', 'farming',
];

const TECHNOLOGIES = [
  'google analytics', 'aws', 'wordpress', 'salesforce', 'hubspot', 'react', 'google tag manager', 'microsoft office 365', 'slack', 'zendesk',
  'stripe', 'shopify', 'mailchimp', 'cloudflare', 'nginx', 'jquery', 'bootstrap', 'node js', 'python', 'postgresql', 'mysql', 'mongodb',
  'kubernetes', 'docker', 'terraform', 'azure', 'google cloud', 'segment', 'intercom', 'marketo', 'pardot', 'outreach', 'gong', 'zoom',
  'atlassian jira', 'github', 'gitlab', 'datadog', 'new relic', 'sentry', 'snowflake', 'databricks', 'tableau', 'looker', 'okta', 'auth0',
  'twilio', 'sendgrid', 'freshdesk', 'drift', 'optimizely', 'hotjar', 'mixpanel', 'amplitude', 'vue js', 'angular', 'next js', 'ruby on rails',
  'django', 'php', 'java', 'golang', 'redis', 'elasticsearch', 'kafka', 'rabbitmq', 'netsuite', 'sap', 'oracle', 'workday', 'greenhouse',
  'lever', 'bamboohr', 'gusto', 'quickbooks', 'xero', 'docusign', 'dropbox', 'box', 'asana',
];

const NAME_FIRST = ['Blue', 'North', 'Bright', 'Silver', 'Green', 'Red', 'Summit', 'Harbor', 'Iron', 'Clear', 'Golden', 'Swift', 'Atlas', 'Nova', 'Pioneer', 'Cedar', 'Granite', 'Maple', 'Quantum', 'Vector', 'Apex', 'Lumen', 'Orbit', 'Pacific', 'Crescent', 'Evergreen', 'Falcon', 'Beacon', 'Horizon', 'Sterling'];
const NAME_SECOND = ['Harbor', 'Wind', 'Peak', 'River', 'Stone', 'Bridge', 'Field', 'Path', 'Point', 'Wave', 'Forge', 'Labs', 'Works', 'Line', 'Gate', 'Light', 'Rock', 'Leaf', 'Star', 'Cloud', 'Ridge', 'Creek', 'Grove', 'Hill', 'Shore'];
const NAME_SUFFIX = ['Inc', 'Systems', 'Technologies', 'Analytics', 'Group', 'Partners', 'Solutions', 'Software', 'Health', 'Capital', 'Logistics', 'Consulting', 'Media', 'Energy', 'Foods', 'Robotics', 'Security', 'Networks', 'Studios', 'Holdings'];

const KEYWORDS = [
  'saas', 'b2b', 'cloud security', 'data analytics', 'machine learning', 'artificial intelligence', 'digital marketing', 'ecommerce', 'fintech',
  'payments', 'healthcare technology', 'supply chain', 'customer success', 'devops', 'cybersecurity', 'big data', 'mobile apps', 'crm',
  'lead generation', 'recruiting software', 'real estate technology', 'edtech', 'insurtech', 'iot', 'blockchain', 'computer vision',
  'natural language processing', 'marketing automation', 'sales enablement', 'hr software', 'project management', 'collaboration tools',
  'video streaming', 'online education', 'renewable energy', 'electric vehicles', 'clinical research', 'telemedicine', 'logistics platform',
  'fraud detection', 'identity management', 'observability', 'data warehouse', 'business intelligence', 'content management', 'web hosting',
];

const OFFERINGS = ['data analytics platform', 'cloud security software', 'payment processing', 'marketing automation tools', 'recruiting services', 'supply chain visibility', 'customer support software', 'managed it services', 'business intelligence dashboards', 'fraud detection models', 'clinical trial management', 'online learning courses', 'logistics optimization', 'identity and access management', 'sales engagement platform', 'energy management systems', 'property management software', 'video conferencing', 'network monitoring', 'accounting automation'];
const AUDIENCES = ['enterprises', 'small businesses', 'hospitals', 'banks', 'retailers', 'manufacturers', 'universities', 'government agencies', 'startups', 'insurance carriers', 'logistics companies', 'marketing teams', 'sales teams', 'developers', 'finance teams'];
const ADJECTIVES = ['leading', 'fast growing', 'global', 'independent', 'award winning', 'venture backed', 'family owned', 'innovative', 'trusted', 'privately held'];
const CLOSINGS = ['The company was founded by industry veterans', 'Customers rely on its platform every day', 'It serves clients across North America and Europe', 'The team focuses on reliability and customer success', 'It partners with major cloud providers', 'Its products integrate with popular crm systems', 'The company is backed by top investors', 'It is headquartered near the city center'];

const FIRST_NAMES = ['James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Chris', 'Karen', 'Daniel', 'Lisa', 'Matthew', 'Nancy', 'Anthony', 'Emily', 'Mark', 'Ashley', 'Paul', 'Laura', 'Steven', 'Anna', 'Andrew', 'Maria', 'Kevin', 'Sophie', 'Brian', 'Julia', 'Pierre', 'Marie', 'Lukas', 'Hannah', 'Wei', 'Yuki', 'Arjun', 'Priya', 'Mateo', 'Sofia', 'Omar', 'Fatima', 'Lars', 'Ingrid', 'Diego', 'Lucia', 'Kofi', 'Amara', 'Ivan', 'Olga', 'Noah', 'Mia'];
const LAST_NAMES = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Hill', 'Campbell', 'Mitchell', 'Roberts', 'Muller', 'Schmidt', 'Dubois', 'Moreau', 'Rossi', 'Tanaka', 'Kim', 'Nguyen', 'Patel', 'Singh', 'Silva', 'Kowalski', 'Jensen', 'Cohen', 'Novak', 'Fischer', 'Khan', 'Wong', 'Berg', 'Okafor'];

/** Title = [level] role [of department]: "Senior Software Engineer", "Head of Sales", "VP of Marketing Operations". */
const TITLE_PATTERNS: ReadonlyArray<readonly [title: string, seniority: string, department: string]> = [
  ['Software Engineer', 'entry', 'engineering'], ['Senior Software Engineer', 'senior', 'engineering'], ['Account Executive', 'entry', 'sales'],
  ['Sales Development Representative', 'entry', 'sales'], ['Marketing Manager', 'manager', 'marketing'], ['Product Manager', 'manager', 'product'],
  ['Head of Sales', 'director', 'sales'], ['Customer Success Manager', 'manager', 'support'], ['Data Scientist', 'senior', 'data'],
  ['Recruiter', 'entry', 'hr'], ['Office Manager', 'manager', 'operations'], ['Director of Engineering', 'director', 'engineering'],
  ['VP of Sales', 'vp', 'sales'], ['Chief Executive Officer', 'c_suite', 'operations'], ['Chief Technology Officer', 'c_suite', 'engineering'],
  ['Financial Analyst', 'entry', 'finance'], ['Senior Account Executive', 'senior', 'sales'], ['Head of Marketing', 'director', 'marketing'],
  ['Engineering Manager', 'manager', 'engineering'], ['DevOps Engineer', 'senior', 'engineering'], ['Sales Manager', 'manager', 'sales'],
  ['HR Business Partner', 'senior', 'hr'], ['Controller', 'manager', 'finance'], ['General Counsel', 'director', 'legal'],
  ['VP of Marketing Operations', 'vp', 'marketing'], ['Chief Financial Officer', 'c_suite', 'finance'], ['Founder', 'owner', 'operations'],
  ['Co Founder and CEO', 'owner', 'operations'], ['Software Engineering Intern', 'intern', 'engineering'], ['Marketing Intern', 'intern', 'marketing'],
  ['Head of Customer Success', 'director', 'support'], ['Senior Data Engineer', 'senior', 'data'], ['Solutions Architect', 'senior', 'engineering'],
  ['Vice President of Engineering', 'vp', 'engineering'], ['Vice President of Sales', 'vp', 'sales'], ['Principal Product Designer', 'senior', 'design'],
  ['IT Support Specialist', 'entry', 'it'], ['Security Engineer', 'senior', 'engineering'], ['Operations Manager', 'manager', 'operations'],
  ['Business Development Manager', 'manager', 'sales'],
];

const EMAIL_STATUS = new SkewedPicker(['verified', 'unverified', 'unknown', 'bounced'], 1.3);
const EXTRA_DEPARTMENTS = ['engineering', 'sales', 'marketing', 'finance', 'hr', 'legal', 'operations', 'support', 'product', 'design', 'data', 'it'];

const DATE_START = Date.UTC(2019, 0, 1);
const DATE_SPAN = Date.UTC(2025, 6, 1) - DATE_START;

/** Record timestamps grow over time, like a database that keeps gaining records. */
function createdAt(rnd: () => number): string {
  return new Date(DATE_START + Math.floor(Math.sqrt(rnd()) * DATE_SPAN)).toISOString();
}

function slug(text: string): string {
  return text.toLowerCase().replaceAll(' ', '');
}

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface Corpus {
  readonly companies: Doc[];
  readonly contacts: Doc[];
}

export function generateCompanies(n: number, seed = 7): Doc[] {
  const rnd = prng(seed);
  const places = new SkewedPicker(PLACES, 1.1);
  const industries = new SkewedPicker(INDUSTRIES, 1.0);
  const technologies = new SkewedPicker(TECHNOLOGIES, 0.9);
  const keywords = new SkewedPicker(KEYWORDS, 0.8);
  const offerings = new SkewedPicker(OFFERINGS, 0.9);
  const audiences = new SkewedPicker(AUDIENCES, 0.8);
  const first = new SkewedPicker(NAME_FIRST, 0.6);
  const second = new SkewedPicker(NAME_SECOND, 0.6);
  const suffix = new SkewedPicker(NAME_SUFFIX, 0.9);
  const out: Doc[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const [city, state, country] = places.pick(rnd);
    const name = `${first.pick(rnd)} ${second.pick(rnd)} ${suffix.pick(rnd)}`;
    const domain = `${slug(name)}${i}.com`;
    const employees = Math.max(1, Math.min(500_000, Math.round(Math.exp(3 + 1.7 * normal(rnd)))));
    const industryList = industries.pickDistinct(rnd, rnd() < 0.7 ? 1 : 2);
    const offering = offerings.pick(rnd);
    const created = createdAt(rnd);
    const doc: Doc = {
      uuid: uuidFrom(rnd),
      workspace_id: rnd() < BENCH_WORKSPACE_SHARE ? BENCH_WORKSPACE : OTHER_WORKSPACE,
      created_at: created,
      updated_at: created,
      version: 1,
      name,
      domain,
      website: `https://www.${domain}`,
      employees_count: employees,
      industries: industryList,
      keywords: keywords.pickDistinct(rnd, 2 + Math.floor(rnd() * 4)),
      technologies: technologies.pickDistinct(rnd, 3 + Math.floor(rnd() * 8)),
      description: `${name} is a ${ADJECTIVES[Math.floor(rnd() * ADJECTIVES.length)]} ${industryList[0]} company based in ${sentenceCase(city)} that provides ${offering} for ${audiences.pick(rnd)}. ${CLOSINGS[Math.floor(rnd() * CLOSINGS.length)]}.`,
      phone: `+1 555 ${String(1000000 + Math.floor(rnd() * 8999999))}`,
      address: `${1 + Math.floor(rnd() * 9999)} ${second.pick(rnd)} Street`,
      city,
      state,
      country,
      founded_year: Math.max(1900, Math.min(2025, Math.round(2025 - Math.exp(2.3 + 0.9 * normal(rnd))))),
    };
    if (rnd() < 0.75) doc.linkedin_url = `https://www.linkedin.com/company/${slug(name)}-${i}`;
    if (rnd() < 0.8) doc.annual_revenue = Math.round(employees * (80_000 + rnd() * 220_000));
    if (rnd() < 0.3) doc.total_funding = Math.round(10 ** (5 + rnd() * 4));
    out[i] = doc;
  }
  return out;
}

export function generateContacts(n: number, companies: readonly Doc[], seed = 11): Doc[] {
  const rnd = prng(seed);
  const titles = new SkewedPicker(TITLE_PATTERNS, 1.0);
  const firstNames = new SkewedPicker(FIRST_NAMES, 0.9);
  const lastNames = new SkewedPicker(LAST_NAMES, 0.8);
  const out: Doc[] = new Array(n);
  for (let i = 0; i < n; i++) {
    // Bigger companies have more contacts: pick by employee count among a few candidates.
    let company = companies[Math.floor(rnd() * companies.length)]!;
    const other = companies[Math.floor(rnd() * companies.length)]!;
    if ((other.employees_count as number) > (company.employees_count as number)) company = other;
    const [title, seniority, department] = titles.pick(rnd);
    const firstName = firstNames.pick(rnd);
    const lastName = lastNames.pick(rnd);
    const created = createdAt(rnd);
    const doc: Doc = {
      uuid: uuidFrom(rnd),
      workspace_id: company.workspace_id,
      created_at: created,
      updated_at: created,
      version: 1,
      first_name: firstName,
      last_name: lastName,
      email: `${firstName}.${lastName}${i}@${company.domain}`.toLowerCase(),
      email_status: EMAIL_STATUS.pick(rnd),
      title,
      seniority,
      departments: rnd() < 0.2 ? [department, EXTRA_DEPARTMENTS[Math.floor(rnd() * EXTRA_DEPARTMENTS.length)]!].filter((d, j, all) => all.indexOf(d) === j) : [department],
      city: company.city,
      state: company.state,
      country: company.country,
      company_id: company.uuid,
      company_name: company.name,
    };
    if (rnd() < 0.6) doc.linkedin_url = `https://www.linkedin.com/in/${slug(firstName)}-${slug(lastName)}-${i}`;
    if (rnd() < 0.35) doc.mobile_phone = `+1 555 ${String(1000000 + Math.floor(rnd() * 8999999))}`;
    out[i] = doc;
  }
  return out;
}

export function generateCorpus(contacts: number, companies: number): Corpus {
  const companyDocs = generateCompanies(companies);
  return { companies: companyDocs, contacts: generateContacts(contacts, companyDocs) };
}
