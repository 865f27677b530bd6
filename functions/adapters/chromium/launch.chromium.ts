/**
 * One Chromium per process and per flag set, launched lazily and kept across warm invocations.
 *
 * puppeteer-core and @sparticuz/chromium are imported here, dynamically, on the first launch:
 * a function that never renders a page neither bundles-in nor loads them at cold start.
 *
 * Launches are serialised: two invocations racing on a cold container would otherwise both
 * inflate the binary into /tmp and start two browsers.
 */
import type { Browser } from 'puppeteer-core';
import { BrowserError } from '../../ports/browser.port.ts';
import { QUIET_FLAGS } from './chromium-flags.ts';

const browsers = new Map<string, Browser>();
let launchQueue: Promise<unknown> = Promise.resolve();

const launch = async (extraArgs: readonly string[]): Promise<Browser> => {
  const [{ default: chromium }, puppeteer] = await Promise.all([import('@sparticuz/chromium'), import('puppeteer-core')]);
  // WebGL is not needed to read pages; skipping it also skips inflating SwiftShader into /tmp.
  chromium.setGraphicsMode = false;
  try {
    return await puppeteer.launch({
      executablePath: await chromium.executablePath(),
      args: [...chromium.args, ...QUIET_FLAGS, ...extraArgs],
      headless: 'shell',
      defaultViewport: { width: 1280, height: 900 },
    });
  } catch (error) {
    throw new BrowserError('BROWSER_LAUNCH_FAILED', `Chromium did not start: ${(error as Error).message}`, { cause: error });
  }
};

/** The running browser for these flags, launching (or relaunching after a crash) when needed. */
export const sharedBrowser = (extraArgs: readonly string[]): Promise<Browser> => {
  const key = extraArgs.join('\n');
  const next = launchQueue.then(async () => {
    const running = browsers.get(key);
    if (running?.connected) return running;
    const started = await launch(extraArgs);
    // Chromium opens a blank tab on start; closing it leaves a count of open pages meaningful.
    await Promise.all((await started.pages()).map((page) => page.close()));
    browsers.set(key, started);
    started.once('disconnected', () => {
      if (browsers.get(key) === started) browsers.delete(key);
    });
    return started;
  });
  // A failed launch must not block the ones queued after it.
  launchQueue = next.catch(() => undefined);
  return next;
};

export const closeSharedBrowser = async (extraArgs: readonly string[]): Promise<void> => {
  const key = extraArgs.join('\n');
  await launchQueue;
  const running = browsers.get(key);
  browsers.delete(key);
  await running?.close();
};
