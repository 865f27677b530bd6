import { onboardedClientsFrom } from '../../domain/signals/onboarded-clients.ts';
import type { MonitorSignalsDeps } from '../../domain/signals/monitor-deps.ts';
import { templateBriefWriter } from '../../domain/signals/persona-briefs.ts';
import { signalStoreFrom } from '../../domain/signals/signal-store.ts';
import { config } from '../config.ts';
import { recordStore } from './dynamodb.services.ts';
import { companyTickers, edgarFilings } from './edgar.services.ts';
import { recordSearch } from './search.services.ts';
import { monitoringNotifier } from './signal-monitoring.services.ts';

/** Signal monitoring over EDGAR, the records table and the search indexes; briefs from templates until an LLM adapter exists. */
export const monitorSignalsDeps = (): MonitorSignalsDeps => ({
  tickers: companyTickers(),
  filings: edgarFilings(),
  signals: signalStoreFrom(recordStore()),
  clients: onboardedClientsFrom(recordSearch(), recordStore()),
  briefs: templateBriefWriter,
  defaultLookbackDays: config().SIGNALS_DEFAULT_LOOKBACK_DAYS,
  notifier: monitoringNotifier(),
});
