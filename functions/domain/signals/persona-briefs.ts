/**
 * Why a signal matters to each persona the SaaS client sells to, and what to say: templates,
 * filled from the signal and the persona. {@link BriefWriter} is the seam where an LLM adapter can
 * write richer briefs when an operator configures one; the templates are the default and the
 * fallback.
 */
import { SIGNAL_TYPE_SPECS, type SignalType } from './signal-types.ts';

export interface Persona {
  readonly title: string;
  readonly department?: string;
  /** Pains the client's own pages name for this persona ("manual reporting", ...). */
  readonly pains?: readonly string[];
}

export interface PersonaBrief {
  readonly persona: string;
  readonly why_it_matters: string;
  readonly what_to_say: string;
}

export interface BriefInput {
  readonly signalType: SignalType;
  readonly companyName: string;
  readonly saasClientName?: string;
  readonly filedOn: string;
  readonly personas: readonly Persona[];
}

export interface BriefWriter {
  write(input: BriefInput): Promise<PersonaBrief[]>;
}

/** Who a brief addresses when onboarding found no persona. */
export const DEFAULT_PERSONAS: readonly Persona[] = [{ title: 'Account Executive', department: 'Sales' }];
/** Briefs per signal: one per persona, at most this many. */
export const MAX_BRIEFS_PER_SIGNAL = 5;

const WHY: Readonly<Record<SignalType, string>> = {
  EXECUTIVE_HIRE: 'A new executive at {company} will review tools and vendors in their first months',
  EXECUTIVE_DEPARTURE: 'An executive left {company}: sponsors and priorities may change',
  MATERIAL_AGREEMENT: '{company} signed a material agreement that can start new projects',
  ACQUISITION: '{company} completed an acquisition and must integrate people, data and systems',
  FINANCING: '{company} raised new financing, which often funds new initiatives',
  DISTRESS: '{company} reported financial pressure: budgets will be scrutinised',
  CYBER_INCIDENT: '{company} disclosed a cybersecurity incident and is reviewing its controls',
  EARNINGS: '{company} reported results; plans for the next quarter are being set',
  CHANGE_IN_CONTROL: 'Control of {company} changed: new owners re-evaluate vendors',
};

const SAY: Readonly<Record<SignalType, string>> = {
  EXECUTIVE_HIRE: 'Congratulate the new leader and offer a quick win {client} can deliver in their first 90 days',
  EXECUTIVE_DEPARTURE: 'Reconfirm who owns the relationship and restate the value {client} already delivers',
  MATERIAL_AGREEMENT: 'Ask how the new agreement changes their workload and where {client} can help deliver it',
  ACQUISITION: 'Offer {client} as the way to bring the acquired teams onto one process quickly',
  FINANCING: 'Connect {client} to the growth the new capital is meant to fund',
  DISTRESS: 'Lead with cost savings and flexible terms from {client}; avoid expansion pitches',
  CYBER_INCIDENT: 'Show how {client} reduces risk and supports the security review',
  EARNINGS: 'Tie {client} to the priorities management stated in its results',
  CHANGE_IN_CONTROL: 'Reach the new decision makers early with {client}\'s proven results at the account',
};

const fill = (template: string, input: BriefInput): string =>
  template.replaceAll('{company}', input.companyName).replaceAll('{client}', input.saasClientName ?? 'your product');

/** One brief per persona, from templates; deterministic. */
export function templateBriefs(input: BriefInput): PersonaBrief[] {
  const personas = (input.personas.length > 0 ? input.personas : DEFAULT_PERSONAS).slice(0, MAX_BRIEFS_PER_SIGNAL);
  const label = SIGNAL_TYPE_SPECS[input.signalType].label;
  return personas.map((persona) => {
    const pain = persona.pains?.[0];
    const angle = persona.department ? ` for ${persona.department}` : '';
    return {
      persona: persona.title,
      why_it_matters: `${fill(WHY[input.signalType], input)} (${label}, filed ${input.filedOn})${angle}.`,
      what_to_say: `${fill(SAY[input.signalType], input)}${pain ? `, starting from "${pain}"` : ''}.`,
    };
  });
}

export const templateBriefWriter: BriefWriter = { write: async (input) => templateBriefs(input) };
