/**
 * The fakes `npm start` runs, in port order: the first takes the port after the mail catcher
 * (4007 by default), the next one 4008, and so on. A fake keeps its port when another is
 * pointed elsewhere with `--provider-url`, so the table in README.md stays true.
 *
 * Append a provider's fake here when its collector lands (Apollo, RocketReach, SEC EDGAR and
 * Razorpay next); the frame's own tests pass throwaway fakes instead.
 */
import { fakeApollo } from './apollo/index.ts';
import { fakeEdgar } from './edgar/index.ts';
import type { FakeProvider } from './fake-provider.ts';
import { fakeRazorpay } from './razorpay/index.ts';
import { fakeLlm } from './llm/index.ts';
import { fakeRocketReach } from './rocketreach/index.ts';
import { startFakeWeb } from './web/fake-web.server.ts';

/** Synthetic company websites on `*.test`, one loopback server answering by Host header. */
const fakeWeb: FakeProvider = {
  name: 'web',
  hostnames: ['*.test'],
  start: ({ host, port, seed, knobs }) => startFakeWeb({ host, port, seed, knobs }),
};

export const FAKE_PROVIDERS: readonly FakeProvider[] = [fakeWeb, fakeRazorpay, fakeApollo, fakeEdgar, fakeRocketReach, fakeLlm];
