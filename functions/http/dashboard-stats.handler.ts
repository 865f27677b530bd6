import { dashboardStats } from '../domain/stats/dashboard-stats.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { recordAnalytics } from '../platform/services/analytics.services.ts';

export const handler = httpHandler({ authorized: true, json: false }, async ({ workspaceId }) =>
  successResponse({ stats: await dashboardStats(recordAnalytics(), workspaceId) }),
);
