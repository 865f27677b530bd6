import { SESv2Client } from '@aws-sdk/client-sesv2';
import { DynamoApiKeyStore } from '../../adapters/dynamodb/api-keys.dynamodb.ts';
import { DynamoDownloadLedger } from '../../adapters/dynamodb/download-limits.dynamodb.ts';
import { DynamoRateCounter, DynamoWorkspaceLimits } from '../../adapters/dynamodb/rate-limits.dynamodb.ts';
import { DynamoSessionStore } from '../../adapters/dynamodb/refresh-tokens.dynamodb.ts';
import { DynamoOneTimeTokenStore } from '../../adapters/dynamodb/reset-tokens.dynamodb.ts';
import { DynamoUserStore } from '../../adapters/dynamodb/users.dynamodb.ts';
import { SesMailer } from '../../adapters/ses/email.ses.ts';
import { AccessTokens } from '../../domain/auth/access-token.ts';
import { config } from '../config.ts';
import { tracer } from '../tracer.ts';
import { documentClient } from './dynamodb.services.ts';
import { once } from './once.ts';

const table = () => config().CONTROL_TABLE_NAME;

export const users = /* @__PURE__ */ once(() => new DynamoUserStore(documentClient(), table()));
export const sessions = /* @__PURE__ */ once(() => new DynamoSessionStore(documentClient(), table()));
export const oneTimeTokens = /* @__PURE__ */ once(() => new DynamoOneTimeTokenStore(documentClient(), table()));
export const rateCounter = /* @__PURE__ */ once(() => new DynamoRateCounter(documentClient(), table()));
export const workspaceLimits = /* @__PURE__ */ once(() => new DynamoWorkspaceLimits(documentClient(), table()));
export const downloadLedger = /* @__PURE__ */ once(() => new DynamoDownloadLedger(documentClient(), table()));
export const apiKeyCatalog = /* @__PURE__ */ once(() => new DynamoApiKeyStore(documentClient(), table()));

/**
 * The signing key comes from the function's environment: on AWS a CloudFormation dynamic
 * reference to the stack's Secrets Manager secret, given only to functions whose topology
 * access lists `secrets: ['tokenSigning']`; locally a secret generated once in the data dir.
 */
export const accessTokens = /* @__PURE__ */ once(() => {
  const secret = config().AUTH_TOKEN_SECRET;
  if (!secret) throw new Error('AUTH_TOKEN_SECRET is not set: this function has no tokenSigning access');
  return new AccessTokens(secret);
});

export const mailer = /* @__PURE__ */ once(
  () => new SesMailer(tracer.captureAWSv3Client(new SESv2Client({ region: config().AWS_REGION })), config().MAIL_FROM),
);

export const sessionDeps = () => ({ users: users(), sessions: sessions(), tokens: accessTokens });
export const mailDeps = () => ({ oneTimeTokens: oneTimeTokens(), mailer: mailer(), resetPageUrl: config().PASSWORD_RESET_URL });
export const downloadDeps = () => ({ users: users(), ledger: downloadLedger(), limits: workspaceLimits() });
