/**
 * The fakes `npm start` runs, in port order: the first takes the port after the mail catcher
 * (4007 by default), the next one 4008, and so on. A fake keeps its port when another is
 * pointed elsewhere with `--provider-url`, so the table in README.md stays true.
 *
 * Append a provider's fake here when its collector lands (the fake web first, then Apollo,
 * RocketReach, SEC EDGAR and Razorpay); the frame's own tests pass throwaway fakes instead.
 */
import type { FakeProvider } from './fake-provider.ts';

export const FAKE_PROVIDERS: readonly FakeProvider[] = [];
