/** Small facts both API Gateway emulators share. */
import { randomBytes } from 'node:crypto';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (value: number): string => String(value).padStart(2, '0');

/** API Gateway's CLF-like request time: `12/Mar/2020:19:03:58 +0000`. */
export const clfTime = (date: Date): string =>
  `${two(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:` +
  `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`;

/** API Gateway ids (request, connection, message) are short base64 strings like `L0SM9cOFvHcCIhw=`. */
export const gatewayId = (): string => randomBytes(11).toString('base64');

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
