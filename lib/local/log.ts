/**
 * The local cloud's own log lines (not the handlers', which write to stdout like on Lambda).
 * `quiet` silences info lines only: warnings and errors always reach the developer.
 */
export interface CloudLog {
  info(message: string): void;
  warn(message: string, error?: unknown): void;
  error(message: string, error?: unknown): void;
}

const PREFIX = '[local-cloud]';

const describe = (error: unknown): string => {
  if (error === undefined) return '';
  if (error instanceof Error) return `: ${error.stack ?? error.message}`;
  return `: ${String(error)}`;
};

export const createLog = (quiet: boolean): CloudLog => ({
  info: (message) => {
    if (!quiet) console.log(`${PREFIX} ${message}`);
  },
  warn: (message, error) => console.warn(`${PREFIX} WARN ${message}${describe(error)}`),
  error: (message, error) => console.error(`${PREFIX} ERROR ${message}${describe(error)}`),
});
