/**
 * What a warm Lambda container keeps between invocations: the parsed config and every client
 * or store built by `once` (SDK clients hold their endpoint and credentials from the moment
 * they are built). On Lambda the environment is fixed for the container's life, so this state
 * is never stale there.
 *
 * A host that runs handlers in-process and changes their environment (the embedded local
 * cloud, started a second time in one process with other ports) calls `resetProcessState()`
 * after setting the new environment: the next invocation rebuilds everything from it, as a
 * cold start would.
 */
import { forgetConfig } from './config.ts';
import { forgetOnceValues } from './services/once.ts';

export function resetProcessState(): void {
  forgetConfig();
  forgetOnceValues();
}
