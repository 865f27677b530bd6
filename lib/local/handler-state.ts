/**
 * Handlers keep what a warm Lambda container keeps (parsed config, SDK clients) in module scope,
 * and in-process handlers share this process's module instances. A second local cloud in one
 * process would otherwise reach the first one's emulators through clients built with its
 * endpoints. Each cloud, after setting its handler environment, makes the handlers rebuild that
 * state from it, as a cold start would.
 *
 * The hook is imported the way the invoker imports handlers (by file URL under the repository
 * root), so it resets the very module instances the handlers use.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const PROCESS_STATE_MODULE = 'functions/platform/process-state.ts';

export const resetHandlerState = async (repoRoot: string): Promise<void> => {
  const hook = (await import(pathToFileURL(path.resolve(repoRoot, PROCESS_STATE_MODULE)).href)) as { resetProcessState(): void };
  hook.resetProcessState();
};
