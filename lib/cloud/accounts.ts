import { Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { IConstruct } from 'constructs';
import { envNames, type Access, type SecretName } from '../topology.ts';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { acknowledge } from './nag.ts';

/** Long enough for HS256 (the verifier refuses under 32 characters); letters and digits only. */
const TOKEN_SECRET_LENGTH = 64;

/** Until an operator passes `-c mailFrom=...` (a verified SES identity), mail goes nowhere real. */
export const DEFAULT_MAIL_FROM = 'leadstack <no-reply@example.com>';

/** The bare address of `Name <address>` or `address`. */
export const mailAddress = (from: string): string => /<([^>]+)>/.exec(from)?.[1]?.trim() ?? from.trim();

export interface AccountsProps {
  /** The verified SES identity account mail is sent from (`Name <address>` or `address`). */
  readonly mailFrom: string;
}

/**
 * What the accounts area needs beyond tables: the access-token signing secret, and the SES
 * identity that account mail (invitations, password resets) is sent from.
 *
 * The signing secret reaches a function as AUTH_TOKEN_SECRET through a CloudFormation dynamic
 * reference, resolved at deploy time: the function reads one environment variable, the same
 * name the local cloud sets, and needs no Secrets Manager client. The price: the value is in the
 * function configuration (encrypted at rest, visible to lambda:GetFunctionConfiguration), and a
 * new value takes a deploy. Only functions whose topology access lists `secrets: ['tokenSigning']`
 * receive it.
 */
export class Accounts extends Construct {
  readonly secrets: Readonly<Record<SecretName, Secret>>;
  readonly mailFrom: string;

  constructor(scope: Construct, id: string, props: AccountsProps) {
    super(scope, id);
    const tokenSigning = new Secret(this, 'TokenSigningSecret', {
      description: 'leadstack: HS256 key that signs and verifies access tokens',
      generateSecretString: { passwordLength: TOKEN_SECRET_LENGTH, excludePunctuation: true, includeSpace: false },
    });
    acknowledge(tokenSigning, {
      'AwsSolutions-SMG4':
        'Rotating the token key is a deploy (the value is resolved into the functions that use it); access tokens live 15 minutes and sessions survive it, since refresh tokens are opaque and stored hashed.',
    });
    // Seals workspaces' own provider keys (lookups): its own secret, so the functions that open
    // provider keys never hold the key that mints access tokens.
    const providerKeySealing = new Secret(this, 'ProviderKeySealingSecret', {
      description: 'leadstack: key from which the AES-256-GCM key sealing workspaces\' provider API keys is derived',
      generateSecretString: { passwordLength: TOKEN_SECRET_LENGTH, excludePunctuation: true, includeSpace: false },
    });
    acknowledge(providerKeySealing, {
      'AwsSolutions-SMG4': 'Rotating it would make every stored provider key unreadable (admins would have to set them again), so it is rotated deliberately, by hand.',
    });
    // The secret of the webhook registered in RocketReach's API settings: RocketReach issues it,
    // so an operator puts it here (`aws secretsmanager put-secret-value`) and deploys.
    const rocketreachWebhookSecret = new Secret(this, 'RocketReachWebhookSecret', { description: 'leadstack: RocketReach webhook secret (set by the operator)' });
    acknowledge(rocketreachWebhookSecret, { 'AwsSolutions-SMG4': 'Issued by RocketReach, not by AWS: it is rotated in RocketReach\'s API settings, then put here and deployed.' });
    this.secrets = { tokenSigning, providerKeySealing, rocketreachWebhookSecret, ...this.razorpaySecrets(), apolloCredentials: this.apolloCredentialsKey() };
    this.mailFrom = props.mailFrom;
  }

  /**
   * Razorpay's key id, key secret and webhook secret: created with placeholder values that an
   * operator replaces with the account's own (`aws secretsmanager put-secret-value`) and a deploy
   * resolves into the billing functions.
   */
  private razorpaySecrets(): Record<'razorpayKeyId' | 'razorpayKeySecret' | 'razorpayWebhookSecret', Secret> {
    const secret = (id: string, description: string): Secret => {
      const created = new Secret(this, id, { description: `leadstack: Razorpay ${description} (set by the operator)` });
      acknowledge(created, { 'AwsSolutions-SMG4': 'Issued by Razorpay, not by AWS: it is rotated in the Razorpay dashboard, then put here and deployed.' });
      return created;
    };
    return {
      razorpayKeyId: secret('RazorpayKeyId', 'API key id'),
      razorpayKeySecret: secret('RazorpayKeySecret', 'API key secret'),
      razorpayWebhookSecret: secret('RazorpayWebhookSecret', 'webhook secret'),
    };
  }

  /**
   * The key that encrypts workspaces' Apollo sessions and API keys in the control table
   * (AES-256-GCM, functions/adapters/apollo). Generated, never shown to anyone; a database dump
   * without it reads nothing.
   */
  private apolloCredentialsKey(): Secret {
    const created = new Secret(this, 'ApolloCredentialsKey', {
      description: 'leadstack: key that encrypts stored Apollo sessions and API keys',
      generateSecretString: { passwordLength: TOKEN_SECRET_LENGTH, excludePunctuation: true, includeSpace: false },
    });
    acknowledge(created, {
      'AwsSolutions-SMG4': 'Rotating it would make every stored Apollo session and key unreadable: users paste them again, so it is rotated by hand with that notice.',
    });
    return created;
  }

  /** Not secret, so every function gets them with the other names of the environment contract. */
  environment(passwordResetUrl: string): Record<string, string> {
    return { [envNames.mailFrom]: this.mailFrom, [envNames.passwordResetUrl]: passwordResetUrl };
  }
}

/** The SES identities that cover `mailFrom`, in the account and region of `scope`'s stack. */
export function sesIdentityArns(scope: IConstruct, mailFrom: string): string[] {
  const address = mailAddress(mailFrom);
  const { partition, region, account } = Stack.of(scope);
  const identity = (name: string) => `arn:${partition}:ses:${region}:${account}:identity/${name}`;
  // SES authorizes against the identity that covers the sender: the address itself or its domain.
  return [identity(address), identity(address.split('@')[1] ?? address)];
}

/** Hands a function its secrets and its right to send mail, from its topology access only. */
export function grantAccountAccess(
  fn: LambdaFunction,
  role: IRole,
  access: Access,
  shared: { readonly secrets: Readonly<Record<SecretName, ISecret>>; readonly mailFrom: string },
): void {
  for (const name of access.secrets ?? []) {
    fn.addEnvironment(envNames.secret(name), shared.secrets[name].secretValue.unsafeUnwrap());
  }
  if (access.email) {
    role.addToPrincipalPolicy(new PolicyStatement({ actions: ['ses:SendEmail'], resources: sesIdentityArns(role, shared.mailFrom) }));
  }
}
