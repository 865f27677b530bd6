import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { contactUuid } from '../../../functions/domain/records/ids.ts';
import { eventually, startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';

// Two full local clouds, one after the other, in this one process: handler modules are
// imported once per process, so the second cloud's handlers must not keep the first one's
// config and clients (the second would reach the first one's stopped emulators).

const contact = (last: string) => ({ first_name: 'Ada', last_name: last, email: `ada.${last.toLowerCase()}@example.com`, linkedin_url: `https://linkedin.com/in/ada-${last.toLowerCase()}` });

let running: TestCloud | undefined;

afterEach(async () => {
  await running?.stop();
  running = undefined;
});

/** Creates a contact in `t`'s cloud, then proves it is stored in that cloud's table and searchable there. */
const createAndFind = async (t: TestCloud, last: string): Promise<string> => {
  const body = contact(last);
  const uuid = contactUuid(body.first_name, body.last_name, body.linkedin_url);
  const created = await t.api('/v1/contacts', { body });
  expect(created.status).toBe(201);
  const stored = await t.documents.send(new GetCommand({ TableName: t.cloud.resources.tables.records, Key: { pk: `WS#dev#CONTACT#${uuid}`, sk: 'RECORD' } }));
  expect(stored.Item?.last_name).toBe(last);
  const searchUuids = async () => ((await t.api('/v1/contacts/search', { body: { limit: 100 } })).body.data ?? []).map((c: { uuid: string }) => c.uuid) as string[];
  await eventually(async () => (await searchUuids()).includes(uuid), `contact ${last} to be searchable in its own cloud`);
  return uuid;
};

describe('two local clouds in one process', () => {
  it('It should let the second cloud start, store and search in its own emulators after the first one stopped', async () => {
    // Arrange: a first cloud, used, then stopped
    running = await startTestCloud();
    const firstPorts = running.cloud.endpoints;
    const first = await createAndFind(running, 'Lovelace');
    await running.stop();
    running = undefined;

    // Act: a second cloud on other ports (its start runs the search setup handler again)
    running = await startTestCloud();
    expect(running.cloud.endpoints.search).not.toBe(firstPorts.search);
    expect(running.cloud.endpoints.dynamodb).not.toBe(firstPorts.dynamodb);
    const second = await createAndFind(running, 'Byron');

    // Assess: the second cloud sees only its own record
    const { body } = await running.api('/v1/contacts/search', { body: { limit: 100 } });
    const uuids = (body.data as { uuid: string }[]).map((c) => c.uuid);
    expect(uuids).toContain(second);
    expect(uuids).not.toContain(first);
    expect((await running.api(`/v1/contacts/${first}`)).status).toBe(404);
  });
});
