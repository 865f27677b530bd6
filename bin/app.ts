import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { LeadstackStack } from '../lib/cloud/leadstack-stack.ts';
import type { LeadstackStackProps } from '../lib/cloud/leadstack-stack.ts';
import { DEFAULT_CORS_ORIGINS } from '../lib/topology.ts';

/** `cdk deploy -c corsOrigins=https://app.example.com,https://admin.example.com` */
export function corsOriginsFrom(context: unknown): string[] {
  const origins =
    typeof context === 'string'
      ? context
          .split(',')
          .map((origin) => origin.trim())
          .filter((origin) => origin !== '')
      : [];
  return origins.length > 0 ? origins : [...DEFAULT_CORS_ORIGINS];
}

/** `cdk deploy -c mailFrom='leadstack <no-reply@example.com>' -c passwordResetUrl=https://app.example.com/reset-password` */
const contextString = (app: App, name: 'mailFrom' | 'passwordResetUrl'): Partial<LeadstackStackProps> => {
  const value: unknown = app.node.tryGetContext(name);
  return typeof value === 'string' && value.trim() !== '' ? { [name]: value.trim() } : {};
};

/**
 * The leadstack CDK app. `stackProps` is the seam the cdk-nag test uses to swap in a topology
 * whose handlers need not exist yet; the CLI passes nothing.
 */
export function buildApp(app: App = new App(), stackProps: LeadstackStackProps = {}): { app: App; stack: LeadstackStack } {
  const stack = new LeadstackStack(app, 'Leadstack', {
    corsOrigins: corsOriginsFrom(app.node.tryGetContext('corsOrigins')),
    ...contextString(app, 'mailFrom'),
    ...contextString(app, 'passwordResetUrl'),
    env: { account: process.env['CDK_DEFAULT_ACCOUNT'], region: process.env['CDK_DEFAULT_REGION'] },
    ...stackProps,
  });
  // Every synth and deploy is checked: a finding without a written acknowledgement fails it.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}

// The CDK CLI runs this file (cdk.json `app`); the app synthesizes itself when the process exits.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) buildApp();
