/**
 * Words the fake RocketReach builds its firmographics from. Written for leadstack; the industry
 * names follow the style of RocketReach's industry facet without copying its list.
 */
import type { NAME_SECTORS } from '../web/vocabulary.ts';

type Sector = (typeof NAME_SECTORS)[number];

/** The industry a company of each name sector is filed under, and the keywords that go with it. */
export const SECTOR_INDUSTRY: Readonly<Record<Sector, { industry: string; keywords: readonly string[]; sic: number; naics: number }>> = {
  analytics: { industry: 'Computer Software', keywords: ['analytics', 'business intelligence', 'SaaS'], sic: 7372, naics: 511210 },
  logistics: { industry: 'Logistics and Supply Chain', keywords: ['freight', 'supply chain'], sic: 4731, naics: 488510 },
  software: { industry: 'Computer Software', keywords: ['field service', 'SaaS', 'B2B'], sic: 7372, naics: 511210 },
  labs: { industry: 'Electrical and Electronic Manufacturing', keywords: ['IoT', 'hardware'], sic: 3679, naics: 334419 },
  systems: { industry: 'Information Technology and Services', keywords: ['ERP', 'systems integration'], sic: 7373, naics: 541512 },
  health: { industry: 'Hospital and Health Care', keywords: ['patient engagement', 'clinics'], sic: 8099, naics: 621999 },
  robotics: { industry: 'Industrial Automation', keywords: ['robotics', 'warehouse automation'], sic: 3569, naics: 333999 },
  capital: { industry: 'Venture Capital and Private Equity', keywords: ['growth equity', 'B2B'], sic: 6799, naics: 523910 },
  consulting: { industry: 'Management Consulting', keywords: ['procurement', 'cost reduction'], sic: 8742, naics: 541611 },
  energy: { industry: 'Renewables and Environment', keywords: ['solar', 'battery storage'], sic: 4911, naics: 221114 },
  foods: { industry: 'Food and Beverages', keywords: ['food service', 'local sourcing'], sic: 5141, naics: 424410 },
  media: { industry: 'Marketing and Advertising', keywords: ['video production', 'campaigns'], sic: 7812, naics: 512110 },
  security: { industry: 'Computer and Network Security', keywords: ['fraud detection', 'identity'], sic: 7372, naics: 541519 },
  networks: { industry: 'Telecommunications', keywords: ['private 5G', 'networking'], sic: 4813, naics: 517312 },
  studio: { industry: 'Design', keywords: ['branding', 'web design'], sic: 7336, naics: 541430 },
  cloud: { industry: 'Information Technology and Services', keywords: ['managed databases', 'cloud hosting'], sic: 7374, naics: 518210 },
  data: { industry: 'Information Technology and Services', keywords: ['master data', 'data quality'], sic: 7374, naics: 518210 },
  payments: { industry: 'Financial Services', keywords: ['payments', 'invoicing', 'fintech'], sic: 6099, naics: 522320 },
  learning: { industry: 'E-Learning', keywords: ['sales training', 'courses'], sic: 8299, naics: 611430 },
  freight: { industry: 'Transportation, Trucking and Railroad', keywords: ['LTL', 'freight booking'], sic: 4213, naics: 484121 },
  biotech: { industry: 'Biotechnology', keywords: ['enzymes', 'screening'], sic: 2836, naics: 325414 },
  partners: { industry: 'Staffing and Recruiting', keywords: ['engineering recruitment'], sic: 7361, naics: 561311 },
  digital: { industry: 'Marketing and Advertising', keywords: ['paid search', 'e-commerce'], sic: 7311, naics: 541810 },
  works: { industry: 'Machinery', keywords: ['precision machining', 'metal parts'], sic: 3599, naics: 332710 },
  solutions: { industry: 'Computer Software', keywords: ['accounts payable', 'automation'], sic: 7372, naics: 511210 },
};

/** Third names for companies past the stem × sector combinations, so every company name is distinct. */
export const NAME_VARIANTS = ['', 'Group', 'International', 'Holdings'] as const;

export const DEPARTMENTS = ['Engineering', 'Sales', 'Marketing', 'Finance', 'Operations', 'Human Resources', 'Customer Service', 'Product'] as const;

/** Titles beyond the executive ones, each with its department and level as job history carries them. */
export const STAFF_TITLES = [
  { title: 'Account Executive', department: 'Sales', level: 'Individual Contributor' },
  { title: 'Software Engineer', department: 'Engineering', level: 'Individual Contributor' },
  { title: 'Senior Software Engineer', department: 'Engineering', level: 'Senior' },
  { title: 'Marketing Manager', department: 'Marketing', level: 'Manager' },
  { title: 'Financial Analyst', department: 'Finance', level: 'Individual Contributor' },
  { title: 'Operations Manager', department: 'Operations', level: 'Manager' },
  { title: 'Recruiter', department: 'Human Resources', level: 'Individual Contributor' },
  { title: 'Customer Success Manager', department: 'Customer Service', level: 'Manager' },
  { title: 'Product Manager', department: 'Product', level: 'Manager' },
  { title: 'Sales Development Representative', department: 'Sales', level: 'Entry' },
] as const;

export const SCHOOLS = ['Northbridge University', 'Lakeside Institute of Technology', 'Royal Harbour College', 'Universität Westend', 'École Centrale du Nord', 'Southern Cross University'] as const;
export const MAJORS = ['Computer Science', 'Economics', 'Mechanical Engineering', 'Business Administration', 'Marketing', 'Mathematics'] as const;
export const DEGREES = ['BSc', 'BA', 'MSc', 'MBA'] as const;
export const SKILLS = ['Salesforce', 'SQL', 'Python', 'Negotiation', 'Forecasting', 'Kubernetes', 'Public Speaking', 'Figma', 'Excel', 'Go-to-market'] as const;
export const INVESTORS = ['Harbor Ventures', 'Summit Peak Capital', 'Lattice Partners', 'Nordic Seed Fund', 'Crescent Growth'] as const;

/** RocketReach's email grades, best first; A and A- are the ones its credits call verified. */
export const EMAIL_GRADES = ['A', 'A-', 'B', 'C', 'F'] as const;
export const PHONE_GRADES = ['A', 'A-', 'B'] as const;
