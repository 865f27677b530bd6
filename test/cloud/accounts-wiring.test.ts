import { describe, expect, it } from 'vitest';
import { envNames, topology } from '../../lib/topology.ts';
import { actionsOf, functionLogicalId, resourcesOf, statementsOf, synthesize } from './helpers.ts';

const { template } = synthesize({ mailFrom: 'leadstack <no-reply@mail.example.com>' });
const resources = resourcesOf(template);

const variablesOf = (name: string): Record<string, unknown> =>
  (resources[functionLogicalId(template, name)]?.Properties as { Environment: { Variables: Record<string, unknown> } }).Environment.Variables;

const referenced = Object.keys(topology.functions).filter((name) => {
  try {
    functionLogicalId(template, name);
    return true;
  } catch {
    return false;
  }
});

describe('accounts wiring (topology access → secrets and SES)', () => {
  it('It should create the token-signing secret, the provider-key sealing secret, the three Razorpay secrets, the RocketReach webhook secret and the Apollo credentials key in Secrets Manager', () => {
    template.resourceCountIs('AWS::SecretsManager::Secret', 7);
    template.hasResourceProperties('AWS::SecretsManager::Secret', { GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true } });
  });

  it('It should hand the signing secret, as a dynamic reference, only to functions whose access lists it', () => {
    const secretVar = envNames.secret('tokenSigning');
    for (const name of referenced) {
      const wants = ((topology.functions[name]?.access.secrets ?? []) as readonly string[]).includes('tokenSigning');
      const value = variablesOf(name)[secretVar];
      if (wants) expect(JSON.stringify(value), name).toContain('{{resolve:secretsmanager:');
      else expect(value, name).toBeUndefined();
    }
    expect(referenced.filter((name) => variablesOf(name)[secretVar] !== undefined).sort()).toEqual(['authLogin', 'authRefresh', 'authorizer']);
  });

  it('It should hand the Apollo credentials key only to functions whose access lists it', () => {
    const secretVar = envNames.secret('apolloCredentials');
    for (const name of referenced) {
      const wants = ((topology.functions[name]?.access.secrets ?? []) as readonly string[]).includes('apolloCredentials');
      if (wants) expect(JSON.stringify(variablesOf(name)[secretVar]), name).toContain('{{resolve:secretsmanager:');
      else expect(variablesOf(name)[secretVar], name).toBeUndefined();
    }
    expect(referenced.filter((name) => variablesOf(name)[secretVar] !== undefined).length).toBeGreaterThanOrEqual(4);
  });

  it('It should hand the provider-key sealing secret only to the functions that open sealed provider keys or webhook secrets (the job worker runs bulk lookups and signs signals)', () => {
    const holders = referenced.filter((name) => variablesOf(name)[envNames.secret('providerKeySealing')] !== undefined).sort();
    expect(holders).toEqual(['lookupAccount', 'lookupAccountKey', 'lookupBulk', 'lookupCompany', 'lookupCompanySearch', 'lookupPerson', 'lookupPersonSearch', 'lookupProfileCompany', 'lookupStatus', 'putMonitoring', 'runJob']);
    expect(JSON.stringify(variablesOf('lookupPerson')[envNames.secret('providerKeySealing')])).toContain('{{resolve:secretsmanager:');
  });

  it('It should hand the Razorpay secrets only to the billing functions that call Razorpay or check its signatures', () => {
    const holders = (secret: 'razorpayKeySecret' | 'razorpayWebhookSecret') =>
      referenced.filter((name) => variablesOf(name)[envNames.secret(secret)] !== undefined).sort();
    expect(holders('razorpayKeySecret')).toEqual(['billingPlans', 'billingSubscribe']);
    expect(holders('razorpayWebhookSecret')).toEqual(['billingWebhook']);
    expect(JSON.stringify(variablesOf('billingWebhook')[envNames.secret('razorpayWebhookSecret')])).toContain('{{resolve:secretsmanager:');
  });

  it('It should hand the RocketReach webhook secret only to its receiver', () => {
    const holders = referenced.filter((name) => variablesOf(name)[envNames.secret('rocketreachWebhookSecret')] !== undefined);
    expect(holders).toEqual(['lookupWebhookRocketreach']);
    expect(JSON.stringify(variablesOf('lookupWebhookRocketreach')[envNames.secret('rocketreachWebhookSecret')])).toContain('{{resolve:secretsmanager:');
  });

  it('It should let only functions with `email` access send mail, and only from the configured identity', () => {
    for (const name of referenced) {
      const sends = actionsOf(template, name).includes('ses:SendEmail');
      expect(sends, name).toBe(topology.functions[name]?.access.email === true);
    }
    const resourcesText = JSON.stringify(statementsOf(template, 'authPasswordReset').filter((s) => s.Action === 'ses:SendEmail').map((s) => s.Resource));
    expect(resourcesText).toContain(':identity/no-reply@mail.example.com');
    expect(resourcesText).toContain(':identity/mail.example.com');
    expect(resourcesText).not.toContain('identity/*');
  });

  it('It should give every function the sender and the reset page, which are not secret', () => {
    expect(variablesOf('health')).toMatchObject({
      [envNames.mailFrom]: 'leadstack <no-reply@mail.example.com>',
      [envNames.passwordResetUrl]: 'http://localhost:5173/reset-password',
    });
  });
});
