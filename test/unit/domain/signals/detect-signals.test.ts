import { describe, expect, it } from 'vitest';
import { detectSignals, type DetectInput } from '../../../../functions/domain/signals/detect-signals.ts';
import { estimatedValue, sizeBandOf } from '../../../../functions/domain/signals/estimated-value.ts';
import { executiveChangeTypes } from '../../../../functions/domain/signals/executive-change.ts';
import { htmlToText } from '../../../../functions/domain/signals/filing-text.ts';
import { ITEM_SIGNALS, signalItems } from '../../../../functions/domain/signals/items-table.ts';
import { templateBriefs } from '../../../../functions/domain/signals/persona-briefs.ts';
import { urgencyScore } from '../../../../functions/domain/signals/urgency.ts';

describe('items table', () => {
  it('should map each documented item to its signal type', () => {
    const meanings = Object.fromEntries(Object.entries(ITEM_SIGNALS).map(([item, spec]) => [item, spec.meaning]));
    expect(meanings).toEqual({
      '1.01': 'MATERIAL_AGREEMENT',
      '1.03': 'DISTRESS',
      '1.05': 'CYBER_INCIDENT',
      '2.01': 'ACQUISITION',
      '2.02': 'EARNINGS',
      '2.03': 'FINANCING',
      '2.04': 'DISTRESS',
      '2.05': 'DISTRESS',
      '2.06': 'DISTRESS',
      '3.01': 'DISTRESS',
      '3.02': 'FINANCING',
      '4.02': 'DISTRESS',
      '5.01': 'CHANGE_IN_CONTROL',
      '5.02': 'EXECUTIVE_CHANGE',
      '7.01': 'EARNINGS',
    });
  });

  it('should not treat 8.01 or 9.01 as signals, alone or beside others', () => {
    expect(signalItems(['8.01', '9.01'])).toEqual([]);
    expect(signalItems(['2.02', '9.01', '2.02'])).toEqual(['2.02']);
  });
});

describe('executiveChangeTypes (Item 5.02)', () => {
  it('should read a hire, a departure, a succession and a pay change', () => {
    expect(executiveChangeTypes('The Board appointed Mary Major as Chief Operating Officer, effective December 1.')).toEqual(['EXECUTIVE_HIRE']);
    expect(executiveChangeTypes('John Smith informed the Company that he will retire as Chief Executive Officer.')).toEqual(['EXECUTIVE_DEPARTURE']);
    expect(executiveChangeTypes('Jane Doe resigned as CFO. The Board appointed John Roe as interim CFO.')).toEqual(['EXECUTIVE_DEPARTURE', 'EXECUTIVE_HIRE']);
    expect(executiveChangeTypes('The Compensation Committee approved an increase of the annual base salary of the CEO.')).toEqual([]);
  });

  it('should not read the item\'s own caption as a departure or an appointment', () => {
    const caption = 'Item 5.02 Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain Officers; Compensatory Arrangements of Certain Officers.';
    expect(executiveChangeTypes(`${caption} The Board appointed Ann Lee as CIO.`)).toEqual(['EXECUTIVE_HIRE']);
    expect(executiveChangeTypes(`${caption} The Committee approved a bonus plan.`)).toEqual([]);
  });

  it('should not read the terms of a new hire\'s agreement as a departure', () => {
    expect(executiveChangeTypes('Ms. Lee was named Chief Revenue Officer. If her employment is terminated without cause, she receives severance.')).toEqual(['EXECUTIVE_HIRE']);
  });
});

describe('urgencyScore', () => {
  const now = new Date('2026-12-31T00:00:00Z');
  it('should be the type weight on the day of filing and halve every half-life', () => {
    expect(urgencyScore('ACQUISITION', '2026-12-31', now)).toBe(0.9);
    expect(urgencyScore('ACQUISITION', '2026-11-01', now)).toBe(0.45);
    expect(urgencyScore('EARNINGS', '2026-12-03', now)).toBe(0.1);
  });

  it('should never leave 0..1, even for a filing dated in the future', () => {
    expect(urgencyScore('EXECUTIVE_HIRE', '2027-06-01', now)).toBe(0.85);
    expect(urgencyScore('EARNINGS', '2000-01-01', now)).toBe(0);
  });
});

describe('estimatedValue', () => {
  it('should multiply the median priced tier by the size band\'s seats and the signal\'s factor', () => {
    const tiers = [{ name: 'Starter', monthlyPrice: 25 }, { name: 'Pro', monthlyPrice: 75 }, { name: 'Enterprise' }, { name: 'Business', monthlyPrice: 150 }];
    expect(estimatedValue('EXECUTIVE_HIRE', 5_000, tiers)).toEqual({ low: 90_000, high: 450_000, currency: 'USD', sizeBand: 'large', label: '$90k-$450k ARR' });
    expect(estimatedValue('ACQUISITION', 5_000, tiers).label).toBe('$135k-$675k ARR');
  });

  it('should say when the price is assumed and place an unknown headcount mid-market', () => {
    expect(sizeBandOf(undefined).label).toBe('mid-market');
    expect(estimatedValue('FINANCING', undefined, []).label).toBe('$18k-$72k ARR (est.)');
    expect(estimatedValue('EARNINGS', 20_000, [{ name: 'Team', monthlyPrice: 40, currency: 'EUR' }]).label).toBe('240k-960k EUR ARR');
  });
});

describe('templateBriefs', () => {
  it('should write one brief per persona, naming the company, the client and the persona\'s pain', () => {
    const briefs = templateBriefs({
      signalType: 'CYBER_INCIDENT',
      companyName: 'Globex Corp',
      saasClientName: 'ShieldCo',
      filedOn: '2026-11-20',
      personas: [{ title: 'CISO', department: 'Security', pains: ['alert fatigue'] }, { title: 'CIO' }],
    });
    expect(briefs.map((b) => b.persona)).toEqual(['CISO', 'CIO']);
    expect(briefs[0]?.why_it_matters).toContain('Globex Corp disclosed a cybersecurity incident');
    expect(briefs[0]?.why_it_matters).toContain('for Security');
    expect(briefs[0]?.what_to_say).toBe('Show how ShieldCo reduces risk and supports the security review, starting from "alert fatigue".');
  });
});

describe('detectSignals', () => {
  const base: Omit<DetectInput, 'filing' | 'documentText'> = {
    company: { ticker: 'GLBX', cik: '0000123456', name: 'Globex Corp', companyId: 'c-1', employees: 12_000 },
    filingUrl: 'https://www.sec.gov/Archives/edgar/data/123456/000012345626000007/glbx-8k.htm',
    tiers: [],
    saasClientName: 'ShieldCo',
    jobId: 'job-1',
    now: new Date('2026-11-20T12:00:00Z'),
  };
  const filing = { accessionNumber: '0000123456-26-000007', form: '8-K', filingDate: '2026-11-20', items: ['5.02', '2.01', '9.01'], primaryDocument: 'glbx-8k.htm' };
  const html = '<p>Item 2.01 Completion of Acquisition</p><p>Globex completed its acquisition of Initech.</p><p>Item 5.02 Departure of Officers</p><p>The CFO resigned.</p><p>Item 9.01 Exhibits</p>';

  it('should give one signal per meaningful item, with evidence, link and the seed\'s fields', () => {
    const { drafts, skipped } = detectSignals({ ...base, filing, documentText: htmlToText(html) });
    expect(skipped).toEqual([]);
    expect(drafts.map((d) => [d.item, d.signal_type, d.opportunity_type, d.urgency_score])).toEqual([
      ['5.02', 'EXECUTIVE_DEPARTURE', 'Retention', 0.7],
      ['2.01', 'ACQUISITION', 'Expansion', 0.9],
    ]);
    expect(drafts[1]).toMatchObject({
      ticker: 'GLBX',
      company_name: 'Globex Corp',
      company_id: 'c-1',
      excerpt: 'Item 2.01 Completion of Acquisition Globex completed its acquisition of Initech.',
      filing_url: base.filingUrl,
      estimated_value: '$450k-$1.8M ARR (est.)',
      size_band: 'enterprise',
      generated_at: '2026-11-20T12:00:00.000Z',
    });
  });

  it('should keep ids stable across runs and distinct per item and type', () => {
    const first = detectSignals({ ...base, filing, documentText: htmlToText(html) }).drafts.map((d) => d.uuid);
    const again = detectSignals({ ...base, now: new Date('2026-12-01T00:00:00Z'), filing, documentText: htmlToText(html) }).drafts.map((d) => d.uuid);
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(2);
  });

  it('should still report the items table\'s signals when the document is unreadable, but not guess a 5.02', () => {
    const { drafts, skipped } = detectSignals({ ...base, filing, documentText: undefined });
    expect(drafts.map((d) => [d.signal_type, d.excerpt])).toEqual([['ACQUISITION', '']]);
    expect(skipped).toEqual([{ item: '5.02', reason: 'item_text_not_found' }]);
  });
});
