/** The API's shapes of the provider's profiles (snake_case, with 0..1 confidence beside each grade). */
import type { CompanyProfile, PersonProfile } from '../../ports/people-data.port.ts';
import { emailConfidence, phoneConfidence } from './confidence.ts';

const defined = (value: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));

export const personView = (person: PersonProfile): Record<string, unknown> =>
  defined({
    id: person.id,
    status: person.status,
    name: person.name,
    first_name: person.firstName,
    last_name: person.lastName,
    title: person.title,
    employer: person.employer,
    employer_domain: person.employerDomain,
    linkedin_url: person.linkedinUrl,
    city: person.city,
    region: person.region,
    country: person.country,
    emails: person.emails.map((email) => defined({ ...email, confidence: emailConfidence(email.grade) })),
    phones: person.phones.map((phone) => defined({ ...phone, confidence: phoneConfidence(phone.recommended) })),
  });

export const companyView = (company: CompanyProfile): Record<string, unknown> =>
  defined({
    id: company.id,
    name: company.name,
    domain: company.domain,
    linkedin_url: company.linkedinUrl,
    industry: company.industry,
    employees: company.employees,
    revenue: company.revenue,
    founded_year: company.foundedYear,
    city: company.city,
    region: company.region,
    country: company.country,
    description: company.description,
    phone: company.phone,
    tech_stack: company.techStack,
  });

export const storedView = (refs: { contactUuid?: string; companyUuid?: string }): Record<string, string> => ({
  ...(refs.contactUuid ? { contact_uuid: refs.contactUuid } : {}),
  ...(refs.companyUuid ? { company_uuid: refs.companyUuid } : {}),
});
