/** A lazily built, per-process singleton: warm invocations reuse it, cold ones build only what they use. */
export const once = <T>(build: () => T): (() => T) => {
  let value: T | undefined;
  return () => (value ??= build());
};
