/**
 * Word lists the fake web builds names and prose from. Written for leadstack; no third-party
 * data set. Lists are short on purpose: combinations give a few thousand distinct companies.
 */

export const NAME_STEMS = [
  'northwind', 'bluepeak', 'ironbridge', 'silverline', 'brightforge', 'clearwater', 'redwood',
  'stonegate', 'lumen', 'quantix', 'vertex', 'harbor', 'summit', 'cobalt', 'evergreen', 'falcon',
  'granite', 'helix', 'juniper', 'keystone', 'lighthouse', 'meridian', 'nimbus', 'orbit', 'pinnacle',
  'quarry', 'riverstone', 'sable', 'tandem', 'umbra', 'vantage', 'willow', 'zenith', 'aster',
  'beacon', 'cedar', 'delta', 'ember', 'fjord', 'glacier', 'horizon', 'indigo', 'jasper', 'kestrel',
  'lattice', 'mosaic', 'nova', 'oakridge', 'prism', 'radiant', 'solstice', 'tidal', 'ultra', 'vector',
] as const;

export const NAME_SECTORS = [
  'analytics', 'logistics', 'software', 'labs', 'systems', 'health', 'robotics', 'capital',
  'consulting', 'energy', 'foods', 'media', 'security', 'networks', 'studio', 'cloud', 'data',
  'payments', 'learning', 'freight', 'biotech', 'partners', 'digital', 'works', 'solutions',
] as const;

/** What a company in each sector says it does, for meta descriptions and about pages. */
export const SECTOR_PITCH: Readonly<Record<(typeof NAME_SECTORS)[number], string>> = {
  analytics: 'turns operational data into dashboards and forecasts for finance teams',
  logistics: 'plans and tracks mid-mile freight for regional retailers',
  software: 'builds workflow software for field service companies',
  labs: 'prototypes connected devices for industrial customers',
  systems: 'integrates ERP and warehouse systems for manufacturers',
  health: 'schedules clinics and follows up patients with secure messaging',
  robotics: 'designs picking robots for e-commerce warehouses',
  capital: 'finances growth for B2B software companies',
  consulting: 'helps procurement teams cut supplier costs',
  energy: 'monitors solar and battery sites for commercial landlords',
  foods: 'supplies restaurants with locally sourced ingredients',
  media: 'produces video campaigns for technology brands',
  security: 'detects account takeover for online banks',
  networks: 'runs private 5G networks for ports and factories',
  studio: 'designs brands and websites for start-ups',
  cloud: 'hosts managed databases for regulated industries',
  data: 'cleans and enriches customer master data',
  payments: 'processes cross-border invoices for wholesalers',
  learning: 'trains sales teams with short interactive courses',
  freight: 'books less-than-truckload shipments in one click',
  biotech: 'screens enzyme candidates for food producers',
  partners: 'recruits senior engineers for scale-ups',
  digital: 'runs paid search for online retailers',
  works: 'fabricates precision metal parts on demand',
  solutions: 'automates accounts payable for mid-sized companies',
};

export const FIRST_NAMES = [
  'Anna', 'Ben', 'Carla', 'David', 'Elena', 'Felix', 'Grace', 'Hugo', 'Irene', 'Jonas', 'Klara',
  'Liam', 'Maya', 'Noah', 'Olivia', 'Paul', 'Rosa', 'Samuel', 'Tara', 'Victor', 'Wendy', 'Yusuf',
  'Zoe', 'Amir', 'Beatrice', 'Chen', 'Daniela', 'Emil', 'Fatima', 'Gabriel', 'Hannah', 'Ivan',
  'Julia', 'Kenji', 'Lena', 'Marco', 'Nina', 'Oscar', 'Priya', 'Rafael', 'Sofia', 'Tomas',
] as const;

export const LAST_NAMES = [
  'Schneider', 'Okafor', 'Lindqvist', 'Moreau', 'Patel', 'Novak', 'Castillo', 'Brennan', 'Tanaka',
  'Fischer', 'Haddad', 'Johansson', 'Kowalski', 'Dubois', 'Rossi', 'Murphy', 'Nguyen', 'Becker',
  'Silva', 'Walsh', 'Hoffmann', 'Eriksen', 'Mendes', 'Carter', 'Ibrahim', 'Vogel', 'Laurent',
  'Sato', 'Keller', 'Osei', 'Van Dijk', 'Morgan', 'Petrov', 'Gallagher', 'Richter', 'Alvarez',
] as const;

export const JOB_TITLES = [
  'Chief Executive Officer', 'Co-Founder & CEO', 'Chief Technology Officer', 'Chief Financial Officer',
  'VP Sales', 'Head of Marketing', 'Head of Customer Success', 'Director of Engineering',
  'Chief Operating Officer', 'Head of People', 'Product Lead', 'Sales Director EMEA',
  'Managing Director', 'Head of Partnerships', 'Lead Designer', 'VP Engineering',
] as const;

export const ROLE_LOCAL_PARTS = ['info', 'sales', 'hello', 'contact', 'support', 'press', 'careers', 'office', 'team'] as const;

/** Mailbox providers a small company sometimes uses instead of its own domain. */
export const FOREIGN_MAIL_DOMAINS = ['mailbox-hub.test', 'postwerk-mail.test', 'inboxly.test'] as const;

export const NAV_WORDING = {
  contact: ['Contact', 'Contact us', 'Get in touch', 'Talk to sales', 'Reach us'],
  about: ['About', 'About us', 'Company', 'Who we are', 'Our story'],
  team: ['Team', 'Our team', 'Leadership', 'People', 'Meet the team'],
  imprint: ['Imprint', 'Legal notice', 'Impressum', 'Legal'],
  blog: ['Blog', 'Insights', 'Engineering blog', 'News'],
} as const;

export const PAGE_PATHS = {
  contact: ['/contact', '/contact-us', '/kontakt', '/company/contact', '/get-in-touch'],
  about: ['/about', '/about-us', '/company', '/company/about', '/who-we-are'],
  team: ['/team', '/company/team', '/about/team', '/people', '/leadership'],
  imprint: ['/imprint', '/impressum', '/legal-notice', '/legal/imprint'],
  blog: ['/blog/api-quickstart', '/insights/getting-started', '/news/developer-guide'],
} as const;
