import type { JobRunner } from '../../domain/jobs/runner.ts';
import { runOnboardCompany } from '../../domain/research/run-onboard.ts';
import { onboardDeps } from '../../platform/services/research.services.ts';

/** `onboard_company`: researches a company from its website (functions/domain/research/run-onboard.ts). */
export const onboardCompanyRunner: JobRunner = (context) => runOnboardCompany(onboardDeps({ workspaceId: context.job.workspaceId, jobId: context.job.id }), context);
