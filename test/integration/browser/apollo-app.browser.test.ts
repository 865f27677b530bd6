import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSharedBrowser, sharedBrowser } from '../../../functions/adapters/chromium/launch.chromium.ts';
import { APOLLO_SESSIONS_PATH, apolloGroundTruth, startFakeApollo } from '../../../lib/local/fakes/apollo/index.ts';
import type { RunningFake } from '../../../lib/local/fakes/fake-provider.ts';
import { NO_FAULTS } from '../../../lib/local/fakes/fake-provider.ts';

const SEED = 'apollo-browser';
const COUNT = 8_000;
let fake: RunningFake;

interface ExportedCookie { name: string; value: string; domain: string; path: string; httpOnly: boolean; secure: boolean; expirationDate: number }

beforeAll(async () => {
  fake = await startFakeApollo({ host: '127.0.0.1', port: 0, seed: SEED, knobs: NO_FAULTS, organizationCount: COUNT, apolloKnobs: { repeatEvery: 0 } });
});
afterAll(async () => {
  await closeSharedBrowser([]);
  await fake?.close();
});

/**
 * A page with an empty cookie jar: no session leaks from one test to the next. (The project's
 * Chromium runs single-process, where extra browser contexts cannot open pages.)
 */
const freshPage = async (): Promise<Page> => {
  const page = await (await sharedBrowser([])).newPage();
  const devtools = await page.createCDPSession();
  await devtools.send('Network.clearBrowserCookies');
  await devtools.detach();
  return page;
};
const closePage = (page: Page): Promise<void> => page.close();

/** A page holding the session a user would paste: the cookie export, set as the browser's cookies. */
const pageWithSession = async (): Promise<Page> => {
  const cookies = (await (await fetch(`${fake.url}${APOLLO_SESSIONS_PATH}`, { method: 'POST' })).json()) as ExportedCookie[];
  const page = await freshPage();
  await page.setCookie(...cookies.map((c) => ({ name: c.name, value: c.value, domain: c.domain, path: c.path, httpOnly: c.httpOnly, secure: c.secure, expires: c.expirationDate })));
  return page;
};

const tableAfterLoad = async (page: Page, url: string) => {
  const answer = page.waitForResponse((response) => response.url().includes('/api/v1/mixed_') && response.request().method() === 'POST');
  await page.goto(url);
  const response = await answer;
  const json = (response.ok() ? await response.json() : undefined) as { pagination: { total_entries: number } } | undefined;
  await page.waitForSelector('#status:not([data-state="loading"]):not([data-state="idle"])');
  const rows = await page.$$eval('#results tr[data-id]', (trs) => trs.map((tr) => tr.getAttribute('data-id')));
  const state = await page.$eval('#status', (node) => node.getAttribute('data-state'));
  return { json, rows, state, status: response.status() };
};

describe('the fake Apollo web app in headless Chromium', () => {
  it("It should fill the companies table from the internal search, reading the URL's fragment like Apollo's app", async () => {
    const page = await pageWithSession();
    const { json, rows, state } = await tableAfterLoad(page, `${fake.url}/#/companies?organizationLocations[]=California&organizationNumEmployeesRanges[]=11%2C200&page=2`);
    const truth = apolloGroundTruth({ seed: SEED, organizationCount: COUNT, params: { organization_locations: ['California'], organization_num_employees_ranges: ['11,200'] }, repeatEvery: 0 });
    await closePage(page);

    expect(state).toBe('loaded');
    expect(truth.total).toBeGreaterThan(50);
    expect(json?.pagination.total_entries).toBe(truth.total);
    expect(rows).toEqual(truth.ids.slice(25, 50));
  });

  it('It should read %5B%5D-encoded and double-encoded people URLs the same way', async () => {
    const page = await pageWithSession();
    const { rows } = await tableAfterLoad(page, `${fake.url}/#/people?personSeniorities%5B%5D=director&organizationLocations%5B%5D=New%2520York`);
    const truth = apolloGroundTruth({ seed: SEED, organizationCount: COUNT, kind: 'people', params: { person_seniorities: ['director'], organization_locations: ['New York'] }, repeatEvery: 0 });
    await closePage(page);

    expect(truth.total).toBeGreaterThan(0);
    expect(rows).toEqual(truth.ids.slice(0, 25));
  });

  it('It should show the signed-out state when the browser holds no session', async () => {
    const page = await freshPage();
    const { rows, state, status } = await tableAfterLoad(page, `${fake.url}/#/companies?organizationLocations[]=Texas`);
    await closePage(page);

    expect(status).toBe(401);
    expect(state).toBe('error');
    expect(rows).toEqual([]);
  });
});
