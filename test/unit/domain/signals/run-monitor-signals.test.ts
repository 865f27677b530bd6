import { describe, expect, it } from 'vitest';
import type { Job, JobPatch } from '../../../../functions/domain/jobs/job.ts';
import type { JobRunContext } from '../../../../functions/domain/jobs/runner.ts';
import type { MonitorSignalsDeps } from '../../../../functions/domain/signals/monitor-deps.ts';
import { templateBriefWriter } from '../../../../functions/domain/signals/persona-briefs.ts';
import { runMonitorSignals } from '../../../../functions/domain/signals/run-monitor-signals.ts';
import type { Signal } from '../../../../functions/domain/signals/signal.ts';
import type { EdgarFiling, EdgarFilings } from '../../../../functions/ports/edgar-filings.port.ts';
import type { JobStore } from '../../../../functions/ports/jobs.port.ts';

const GLOBEX = { cik: '0000000101', ticker: 'GLBX', title: 'Globex Corp' };
const INITECH = { cik: '0000000102', ticker: 'INTC2', title: 'Initech, Inc.' };

const filing = (accession: string, filingDate: string, items: string[], form = '8-K'): EdgarFiling => ({ accessionNumber: accession, form, filingDate, items, primaryDocument: `${accession}.htm` });

const FILINGS: Record<string, EdgarFiling[]> = {
  [GLOBEX.cik]: [
    filing('0000000101-26-000003', '2026-11-20', ['5.02', '9.01']),
    filing('0000000101-26-000002', '2026-11-10', ['8.01', '9.01']),
    filing('0000000101-26-000001', '2026-08-01', ['2.01']),
  ],
  [INITECH.cik]: [filing('0000000102-26-000001', '2026-11-15', ['1.05'], '8-K/A'), filing('0000000102-26-000000', '2026-11-14', ['2.02'], '10-Q')],
};
const DOCUMENTS: Record<string, string> = {
  '0000000101-26-000003': '<p>Item 5.02 Departure of Directors</p><p>The Board appointed Ann Lee as Chief Information Officer.</p><p>Item 9.01</p>',
  '0000000102-26-000001': '<p>Item 1.05 Material Cybersecurity Incidents</p><p>We detected unauthorized access to systems.</p>',
};

/** EDGAR in memory; `failOn` makes one CIK's submissions fail once, as an outage would. */
function fakeEdgar(failOn?: string) {
  const calls: string[] = [];
  let failed = false;
  const filings: EdgarFilings = {
    async submissions(cik) {
      calls.push(`submissions ${cik}`);
      if (cik === failOn && !failed) {
        failed = true;
        throw new Error('EDGAR down');
      }
      return { cik, name: cik === GLOBEX.cik ? GLOBEX.title : INITECH.title, tickers: [], filings: FILINGS[cik] ?? [] };
    },
    async primaryDocument(cik, f) {
      calls.push(`document ${f.accessionNumber}`);
      return { body: DOCUMENTS[f.accessionNumber] ?? '', url: this.documentUrl(cik, f) };
    },
    documentUrl: (cik, f) => `https://edgar.test/Archives/edgar/data/${Number(cik)}/${f.accessionNumber.replaceAll('-', '')}/${f.primaryDocument}`,
  };
  return { filings, calls };
}

function harness(data: Record<string, unknown>, failOn?: string) {
  const stored = new Map<string, Signal>();
  const edgar = fakeEdgar(failOn);
  const deps: MonitorSignalsDeps = {
    tickers: { list: async () => [GLOBEX, INITECH] },
    filings: edgar.filings,
    signals: { upsert: async (_ws, signals) => void signals.forEach((s) => stored.set(s.uuid, s)) },
    clients: { find: async () => undefined },
    briefs: templateBriefWriter,
    defaultLookbackDays: 90,
    now: () => new Date('2026-11-25T10:00:00Z'),
  };
  let job = { id: 'job-1', workspaceId: 'ws-1', type: 'monitor_signals', status: 'processing', data } as unknown as Job;
  const jobs = {
    report: async (_ws: string, _id: string, patch: JobPatch) => (job = { ...job, ...patch }),
  } as unknown as JobStore;
  const run = () => runMonitorSignals(deps, { job, jobs, events: { publish: async () => {} }, remainingMs: () => 60_000 } satisfies JobRunContext);
  return { run, stored, calls: edgar.calls, current: () => job };
}

describe('runMonitorSignals', () => {
  it('should turn known 8-Ks since the look-back into exact signals, and say which customers have no ticker', async () => {
    const h = harness({ companies: [{ ticker: 'GLBX' }, { name: 'Initech Inc' }, { name: 'Hooli' }], saas_client_name: 'ShieldCo' });
    const outcome = await h.run();
    const signals = [...h.stored.values()].map((s) => [s.ticker, s.signal_type, s.item, s.filing_date]);
    expect(signals).toEqual([
      ['GLBX', 'EXECUTIVE_HIRE', '5.02', '2026-11-20'],
      ['INTC2', 'CYBER_INCIDENT', '1.05', '2026-11-15'],
    ]);
    expect(outcome).toEqual({
      outcome: 'completed',
      result: {
        saas_client: 'ShieldCo',
        signals_found: 2,
        companies_checked: 2,
        filings_read: 2,
        since: '2026-08-27',
        customers_without_ticker: [{ name: 'Hooli', reason: 'no_ticker_for_name' }],
        items_skipped: 0,
        unreadable_filings: 0,
      },
    });
    const hire = [...h.stored.values()][0];
    expect(hire?.excerpt).toBe('Item 5.02 Departure of Directors The Board appointed Ann Lee as Chief Information Officer.');
    expect(hire?.briefs[0]?.what_to_say).toContain('ShieldCo');
  });

  it('should honour an explicit since', async () => {
    const h = harness({ companies: [{ ticker: 'GLBX' }], since: '2026-07-01' });
    await h.run();
    expect([...h.stored.values()].map((s) => s.signal_type).sort()).toEqual(['ACQUISITION', 'EXECUTIVE_HIRE']);
  });

  it('should keep what it found when EDGAR fails mid-run, and resume at the customer that failed', async () => {
    const h = harness({ companies: [{ ticker: 'GLBX' }, { ticker: 'INTC2' }] }, INITECH.cik);
    await expect(h.run()).rejects.toThrow('EDGAR down');
    expect([...h.stored.values()].map((s) => s.ticker)).toEqual(['GLBX']);
    expect(h.current().checkpoint).toMatchObject({ next: 1, signalsFound: 1 });

    const before = h.calls.length;
    const outcome = await h.run();
    expect(h.calls.slice(before)).toEqual([`submissions ${INITECH.cik}`, 'document 0000000102-26-000001']);
    expect(outcome).toMatchObject({ outcome: 'completed', result: { signals_found: 2 } });
    expect([...h.stored.values()].map((s) => s.ticker)).toEqual(['GLBX', 'INTC2']);
  });

  it('should fail with a 404 naming the field for an unknown onboarded company', async () => {
    const h = harness({ company_id: '0190f3a2-8a4b-7c3d-9e2f-1a2b3c4d5e6f' });
    await expect(h.run()).rejects.toMatchObject({ code: 'ERR_NOT_FOUND', details: [{ path: 'job_data.company_id' }] });
  });
});
