/** Construct ids from topology keys: `uploadEvents` → `UploadEvents`, so logical ids read like the topology. */
export const pascal = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

/**
 * `Object.entries` keeping the key type: the topology's records are keyed by string unions
 * (TableName, QueueName), and the env-name helpers only accept those.
 */
export const entriesOf = <K extends string, V>(record: Readonly<Partial<Record<K, V>>>): [K, V][] =>
  Object.entries(record).filter(([, value]) => value !== undefined) as [K, V][];

/**
 * HTTP header names are case-insensitive, but API Gateway identity sources are conventionally
 * written in canonical form (`Authorization`, `X-Api-Key`); the topology stores them lower-case.
 */
export const canonicalHeader = (header: string): string =>
  header
    .split('-')
    .map((part) => pascal(part.toLowerCase()))
    .join('-');
