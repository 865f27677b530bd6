/**
 * Answers API Gateway gives by itself, before or instead of a function: they carry API
 * Gateway's own body `{"message": "..."}` and no error code, so the API documents them rather
 * than promising a code it cannot add. The local gateway mirrors them word for word.
 */
export interface GatewayAnswer {
  readonly status: number;
  readonly message: string;
  readonly when: string;
}

/** HTTP APIs refuse bodies over 10 MB before any function runs. */
export const GATEWAY_MAX_BODY_MB = 10;

export const GATEWAY_ANSWERS: readonly GatewayAnswer[] = [
  { status: 401, message: 'Unauthorized', when: 'a route that needs a credential is called without an Authorization header (the authorizer does not run)' },
  { status: 404, message: 'Not Found', when: 'no route matches the method and path' },
  { status: 413, message: 'Request Entity Too Large', when: `the request body is over ${GATEWAY_MAX_BODY_MB} MB` },
  { status: 500, message: 'Internal Server Error', when: 'the authorizer or the function failed, or gave an answer API Gateway cannot map' },
  { status: 503, message: 'Service Unavailable', when: "the function did not answer within API Gateway's 30 s" },
];

/** How one answer reads on the wire, as the document quotes it. */
export const gatewayAnswerText = ({ status, message }: GatewayAnswer): string => `${status} {"message":"${message}"}`;

export const gatewayAnswersDescription = (): string =>
  'A few answers come from API Gateway itself, not from the API: they carry no `success` and no error code, only ' +
  "API Gateway's `{ message }` body (schema `GatewayError`): " +
  GATEWAY_ANSWERS.map((answer) => `\`${gatewayAnswerText(answer)}\` when ${answer.when}`).join('; ') +
  '.';

/** The JSON Schema of those bodies. */
export const gatewayErrorSchema = {
  type: 'object',
  description: "API Gateway's own error body: no `success`, no code.",
  properties: { message: { type: 'string', enum: GATEWAY_ANSWERS.map((answer) => answer.message) } },
  required: ['message'],
  additionalProperties: false,
} as const;
