/**
 * The words the fake Apollo builds its organisations and people from. Industry tag ids and
 * technology uids are global in Apollo (the same for every account), so here they do not depend
 * on the seed: a test may hard-wire one the way a real URL carries one.
 */
import { createHash } from 'node:crypto';

/** A 24-hex id, the shape of Apollo's (MongoDB ObjectId) ids, stable for a label. */
export const stableHexId = (label: string): string => createHash('sha1').update(label).digest('hex').slice(0, 24);

/** Industries with their share of organisations (weights, not percentages). */
const INDUSTRY_WEIGHTS: readonly (readonly [string, number])[] = [
  ['information technology & services', 14],
  ['computer software', 12],
  ['internet', 6],
  ['financial services', 6],
  ['marketing & advertising', 5],
  ['hospital & health care', 5],
  ['real estate', 4],
  ['construction', 4],
  ['retail', 4],
  ['management consulting', 4],
  ['education management', 3],
  ['staffing & recruiting', 3],
  ['accounting', 3],
  ['insurance', 3],
  ['automotive', 2],
  ['banking', 2],
  ['biotechnology', 2],
  ['pharmaceuticals', 2],
  ['telecommunications', 2],
  ['logistics & supply chain', 2],
  ['food & beverages', 2],
  ['hospitality', 2],
  ['legal services', 2],
  ['mechanical or industrial engineering', 2],
  ['electrical & electronic manufacturing', 2],
  ['renewables & environment', 1],
  ['oil & energy', 1],
  ['media production', 1],
  ['design', 1],
  ['architecture & planning', 1],
  ['computer games', 1],
  ['e-learning', 1],
  ['venture capital & private equity', 1],
  ['non-profit organization management', 1],
  ['government administration', 1],
  ['security & investigations', 1],
];

export interface Industry {
  readonly name: string;
  readonly tagId: string;
  readonly weight: number;
}

export const APOLLO_INDUSTRIES: readonly Industry[] = INDUSTRY_WEIGHTS.map(([name, weight]) => ({ name, weight, tagId: stableHexId(`industry:${name}`) }));

/** Keywords per industry family; every organisation carries a few of its industry's and some common ones. */
export const COMMON_KEYWORDS = ['b2b', 'saas', 'consulting', 'services', 'enterprise', 'smb', 'analytics', 'ecommerce', 'cloud', 'automation', 'marketplace', 'mobile apps'] as const;
export const INDUSTRY_KEYWORDS: readonly (readonly string[])[] = APOLLO_INDUSTRIES.map((industry) => {
  const words = industry.name.split(/[^a-z]+/).filter((word) => word.length > 3);
  return [...words, `${words[0] ?? 'general'} solutions`];
});

export interface Technology {
  readonly uid: string;
  readonly name: string;
  readonly category: string;
}

const TECHNOLOGY_ROWS: readonly (readonly [string, string, string])[] = [
  ['salesforce', 'Salesforce', 'CRM'],
  ['hubspot', 'Hubspot', 'Marketing Automation'],
  ['google_analytics', 'Google Analytics', 'Analytics and Tracking'],
  ['google_tag_manager', 'Google Tag Manager', 'Tag Management'],
  ['wordpress_org', 'WordPress.org', 'CMS'],
  ['shopify', 'Shopify', 'Ecommerce Platforms'],
  ['stripe', 'Stripe', 'Payments'],
  ['intercom', 'Intercom', 'Customer Support'],
  ['zendesk', 'Zendesk', 'Customer Support'],
  ['slack', 'Slack', 'Other'],
  ['microsoft_office_365', 'Microsoft Office 365', 'Email Providers'],
  ['gmail', 'Gmail', 'Email Providers'],
  ['cloudflare_dns', 'Cloudflare DNS', 'Domain Name Services'],
  ['amazon_aws', 'Amazon AWS', 'Hosting'],
  ['google_cloud', 'Google Cloud', 'Hosting'],
  ['microsoft_azure', 'Microsoft Azure', 'Hosting'],
  ['react', 'React', 'Frameworks and Programming Languages'],
  ['python', 'Python', 'Frameworks and Programming Languages'],
  ['node_js', 'Node.js', 'Frameworks and Programming Languages'],
  ['marketo', 'Marketo', 'Marketing Automation'],
  ['mailchimp', 'Mailchimp', 'Email Marketing'],
  ['segment', 'Segment', 'Analytics and Tracking'],
  ['mixpanel', 'Mixpanel', 'Analytics and Tracking'],
  ['hotjar', 'Hotjar', 'Analytics and Tracking'],
  ['wix', 'Wix', 'CMS'],
  ['squarespace', 'Squarespace', 'CMS'],
  ['drift', 'Drift', 'Customer Support'],
  ['recaptcha', 'reCAPTCHA', 'Security'],
  ['jira', 'Jira', 'Other'],
  ['zoom', 'Zoom', 'Other'],
  ['docker', 'Docker', 'Other'],
  ['kubernetes', 'Kubernetes', 'Other'],
];

export const APOLLO_TECHNOLOGIES: readonly Technology[] = TECHNOLOGY_ROWS.map(([uid, name, category]) => ({ uid, name, category }));

export interface Place {
  readonly city: string;
  readonly state: string;
  readonly country: string;
  readonly countryCode: string;
  /** Relative share of organisations headquartered there. */
  readonly weight: number;
  readonly phonePrefix: string;
  readonly postalPrefix: string;
}

type PlaceRow = readonly [city: string, state: string, weight: number, postalPrefix: string];

const placesOf = (country: string, countryCode: string, phonePrefix: string, rows: readonly PlaceRow[]): Place[] =>
  rows.map(([city, state, weight, postalPrefix]) => ({ city, state, country, countryCode, weight, phonePrefix, postalPrefix }));

export const APOLLO_PLACES: readonly Place[] = [
  ...placesOf('United States', 'US', '+1', [
    ['San Francisco', 'California', 9, '941'], ['Los Angeles', 'California', 7, '900'], ['San Diego', 'California', 4, '921'],
    ['San Jose', 'California', 4, '951'], ['Palo Alto', 'California', 2, '943'], ['New York', 'New York', 10, '100'],
    ['Brooklyn', 'New York', 3, '112'], ['Buffalo', 'New York', 1, '142'], ['Austin', 'Texas', 5, '787'], ['Dallas', 'Texas', 5, '752'],
    ['Houston', 'Texas', 5, '770'], ['San Antonio', 'Texas', 2, '782'], ['Chicago', 'Illinois', 6, '606'], ['Seattle', 'Washington', 5, '981'],
    ['Boston', 'Massachusetts', 5, '021'], ['Cambridge', 'Massachusetts', 2, '021'], ['Miami', 'Florida', 4, '331'], ['Orlando', 'Florida', 2, '328'],
    ['Tampa', 'Florida', 2, '336'], ['Atlanta', 'Georgia', 4, '303'], ['Denver', 'Colorado', 3, '802'], ['Boulder', 'Colorado', 1, '803'],
    ['Phoenix', 'Arizona', 3, '850'], ['Portland', 'Oregon', 2, '972'], ['Minneapolis', 'Minnesota', 2, '554'], ['Detroit', 'Michigan', 2, '482'],
    ['Philadelphia', 'Pennsylvania', 3, '191'], ['Pittsburgh', 'Pennsylvania', 1, '152'], ['Charlotte', 'North Carolina', 2, '282'],
    ['Raleigh', 'North Carolina', 2, '276'], ['Nashville', 'Tennessee', 2, '372'], ['Salt Lake City', 'Utah', 2, '841'], ['Columbus', 'Ohio', 2, '432'],
    ['Washington', 'District of Columbia', 2, '200'], ['Newark', 'New Jersey', 2, '071'],
  ]),
  ...placesOf('United Kingdom', 'GB', '+44', [['London', 'England', 8, 'EC1'], ['Manchester', 'England', 2, 'M1'], ['Edinburgh', 'Scotland', 1, 'EH1'], ['Bristol', 'England', 1, 'BS1']]),
  ...placesOf('Germany', 'DE', '+49', [['Berlin', 'Berlin', 3, '101'], ['Munich', 'Bavaria', 2, '803'], ['Hamburg', 'Hamburg', 2, '203']]),
  ...placesOf('France', 'FR', '+33', [['Paris', 'Ile-de-France', 3, '750'], ['Lyon', 'Auvergne-Rhone-Alpes', 1, '690']]),
  ...placesOf('Canada', 'CA', '+1', [['Toronto', 'Ontario', 3, 'M5V'], ['Vancouver', 'British Columbia', 2, 'V6B'], ['Montreal', 'Quebec', 2, 'H2Y']]),
  ...placesOf('India', 'IN', '+91', [['Bengaluru', 'Karnataka', 4, '560'], ['Mumbai', 'Maharashtra', 3, '400'], ['Pune', 'Maharashtra', 1, '411'], ['Hyderabad', 'Telangana', 2, '500']]),
  ...placesOf('Australia', 'AU', '+61', [['Sydney', 'New South Wales', 2, '200'], ['Melbourne', 'Victoria', 2, '300']]),
  ...placesOf('Netherlands', 'NL', '+31', [['Amsterdam', 'North Holland', 2, '101']]),
  ...placesOf('Spain', 'ES', '+34', [['Madrid', 'Community of Madrid', 1, '280'], ['Barcelona', 'Catalonia', 1, '080']]),
  ...placesOf('Ireland', 'IE', '+353', [['Dublin', 'Leinster', 1, 'D02']]),
  ...placesOf('Singapore', 'SG', '+65', [['Singapore', 'Singapore', 1, '018']]),
  ...placesOf('Japan', 'JP', '+81', [['Tokyo', 'Tokyo', 1, '100']]),
  ...placesOf('Brazil', 'BR', '+55', [['Sao Paulo', 'Sao Paulo', 1, '010']]),
];

export const NAME_STEMS = [
  'North', 'Blue', 'Bright', 'Cedar', 'Summit', 'Harbor', 'Iron', 'Silver', 'Granite', 'Maple', 'Pioneer', 'Vertex', 'Apex', 'Atlas',
  'Beacon', 'Cobalt', 'Crest', 'Delta', 'Ember', 'Falcon', 'Forge', 'Frontier', 'Golden', 'Horizon', 'Keystone', 'Lumen', 'Meridian',
  'Nova', 'Oak', 'Orbit', 'Pine', 'Prairie', 'Quantum', 'Redwood', 'River', 'Sage', 'Sierra', 'Spark', 'Stone', 'Sun', 'Terra', 'Tide',
  'Union', 'Vista', 'West', 'Willow', 'Zenith', 'Aspen', 'Birch', 'Canyon', 'Coral', 'Echo', 'Fable', 'Glacier', 'Hawk', 'Indigo',
  'Juniper', 'Kestrel', 'Lark', 'Mesa', 'Nimbus', 'Onyx', 'Pebble', 'Quarry', 'Raven', 'Sable', 'Thistle', 'Umber', 'Vale', 'Wren',
] as const;

export const NAME_CORES = [
  'Analytics', 'Systems', 'Labs', 'Works', 'Digital', 'Partners', 'Solutions', 'Networks', 'Health', 'Capital', 'Logistics', 'Media',
  'Robotics', 'Software', 'Dynamics', 'Ventures', 'Foods', 'Energy', 'Design', 'Consulting', 'Builders', 'Studios', 'Security', 'Cloud',
  'Data', 'Bio', 'Motors', 'Retail', 'Realty', 'Learning', 'Legal', 'Insurance', 'Finance', 'Telecom', 'Games', 'Staffing', 'Marketing',
  'Engineering', 'Pharma', 'Hospitality',
] as const;

export const NAME_SUFFIXES = ['', ' Inc', ' Group', ' Co', ' LLC', ' Ltd', ' Corp', ' Holdings', ' International', ' Collective'] as const;

export const FIRST_NAMES = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara', 'Richard',
  'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen', 'Daniel', 'Nancy', 'Matthew', 'Lisa', 'Anthony', 'Betty', 'Mark',
  'Sandra', 'Steven', 'Ashley', 'Paul', 'Emily', 'Andrew', 'Donna', 'Joshua', 'Michelle', 'Kevin', 'Carol', 'Brian', 'Amanda', 'George',
  'Melissa', 'Priya', 'Arjun', 'Wei', 'Mei', 'Hiroshi', 'Yuki', 'Carlos', 'Lucia', 'Ahmed', 'Fatima', 'Olga', 'Ivan', 'Sofia', 'Lukas',
  'Emma', 'Noah', 'Olivia', 'Liam', 'Ava', 'Ethan', 'Mia', 'Lucas', 'Chloe', 'Mateo', 'Zoe', 'Omar', 'Leila', 'Ravi', 'Ananya',
] as const;

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez',
  'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez',
  'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores',
  'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Patel', 'Shah', 'Kumar', 'Chen',
  'Wang', 'Tanaka', 'Suzuki', 'Muller', 'Schmidt', 'Dubois', 'Rossi', 'Silva', 'Kowalski', 'Novak', 'Ivanov', 'Okafor', 'Mensah', 'Haddad',
] as const;

export const FUNDING_STAGES = ['Seed', 'Angel', 'Series A', 'Series B', 'Series C', 'Series D', 'Venture (Round not Specified)', 'Private Equity', 'Debt Financing'] as const;

/** The seniorities Apollo's people search takes, most senior first. */
export const SENIORITIES = ['owner', 'founder', 'c_suite', 'partner', 'vp', 'head', 'director', 'manager', 'senior', 'entry', 'intern'] as const;
export type Seniority = (typeof SENIORITIES)[number];

/** How many people of an organisation hold each seniority, as weights (founders and owners are rare). */
export const SENIORITY_WEIGHTS: Readonly<Record<Seniority, number>> = {
  owner: 1, founder: 1, c_suite: 3, partner: 1, vp: 4, head: 4, director: 8, manager: 16, senior: 24, entry: 30, intern: 4,
};

export interface Department {
  readonly department: string;
  readonly subdepartment: string;
  readonly fn: string;
  /** How the department reads inside a title: "VP of Sales", "Sales Manager". */
  readonly label: string;
  /** The individual contributor's role: "Account Executive". */
  readonly role: string;
  /** The C-level title the department reports to. */
  readonly chief: string;
}

export const DEPARTMENTS: readonly Department[] = [
  { department: 'master_engineering_technical', subdepartment: 'software_development', fn: 'engineering', label: 'Engineering', role: 'Software Engineer', chief: 'CTO' },
  { department: 'master_sales', subdepartment: 'sales', fn: 'sales', label: 'Sales', role: 'Account Executive', chief: 'Chief Revenue Officer' },
  { department: 'master_marketing', subdepartment: 'marketing', fn: 'marketing', label: 'Marketing', role: 'Marketing Specialist', chief: 'CMO' },
  { department: 'master_finance', subdepartment: 'finance', fn: 'finance', label: 'Finance', role: 'Financial Analyst', chief: 'CFO' },
  { department: 'master_human_resources', subdepartment: 'recruiting', fn: 'human_resources', label: 'People', role: 'Recruiter', chief: 'Chief People Officer' },
  { department: 'master_operations', subdepartment: 'operations', fn: 'operations', label: 'Operations', role: 'Operations Analyst', chief: 'COO' },
  { department: 'master_information_technology', subdepartment: 'it_operations', fn: 'information_technology', label: 'IT', role: 'Systems Administrator', chief: 'CIO' },
  { department: 'master_product_management', subdepartment: 'product_management', fn: 'product_management', label: 'Product', role: 'Product Manager', chief: 'Chief Product Officer' },
  { department: 'master_customer_service', subdepartment: 'customer_success', fn: 'support', label: 'Customer Success', role: 'Customer Success Manager', chief: 'Chief Customer Officer' },
  { department: 'master_legal', subdepartment: 'legal', fn: 'legal', label: 'Legal', role: 'Counsel', chief: 'General Counsel' },
];

/** Apollo's email statuses, with their share of people. */
export const EMAIL_STATUSES = ['verified', 'unverified', 'likely to engage', 'unavailable'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];
export const EMAIL_STATUS_WEIGHTS: Readonly<Record<EmailStatus, number>> = { verified: 60, unverified: 15, 'likely to engage': 10, unavailable: 15 };
