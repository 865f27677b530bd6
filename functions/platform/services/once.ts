/** Every `once` built in this process, so that `forgetOnceValues` can drop them all. */
const builtOnce = new Set<{ forget(): void }>();

/** A lazily built, per-process singleton: warm invocations reuse it, cold ones build only what they use. */
export const once = <T>(build: () => T): (() => T) => {
  let value: T | undefined;
  builtOnce.add({ forget: () => (value = undefined) });
  return () => (value ??= build());
};

/**
 * Drops every value built by `once`, so the next call builds it again from the environment as
 * it is now. On Lambda the environment never changes, so nothing calls this; see
 * functions/platform/process-state.ts.
 */
export const forgetOnceValues = (): void => {
  for (const entry of builtOnce) entry.forget();
};
