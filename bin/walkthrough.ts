/**
 * `npm run walkthrough`: the README's import → progress → search → export tour, run against a
 * local cloud started with `npm start`, using only what a browser has (fetch and a WebSocket).
 *
 * Environment: LEADSTACK_URL (default http://127.0.0.1:4000), LEADSTACK_WS (default
 * ws://127.0.0.1:4001), LEADSTACK_KEY (the API key `npm start` prints). Exits non-zero on the
 * first step that does not do what the README says.
 */
import WebSocket from 'ws';

const API = process.env.LEADSTACK_URL ?? 'http://127.0.0.1:4000';
const WS = process.env.LEADSTACK_WS ?? 'ws://127.0.0.1:4001';
const KEY = process.env.LEADSTACK_KEY ?? '';
const ROWS = 300;
const STEP_TIMEOUT_MS = 120_000;

// The tour reads a few fields of each answer and prints them; typing every answer would hide the walk.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

async function call(method: string, path: string, body?: unknown): Promise<Json> {
  const response = await fetch(`${API}${path}`, {
    method,
    headers: { authorization: `Bearer ${KEY}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as Json;
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(json)}`);
  return json;
}

function peopleCsv(): string {
  const lines = ['First Name,Last Name,Email,Title,Company,Company Linkedin Url,City,Country,Favourite Colour'];
  for (let i = 0; i < ROWS; i += 1) {
    const company = `Walkthrough Co ${i % 10}`;
    lines.push(
      [`Ada${i}`, 'Walker', `ada${i}@walkthrough.example`, i % 2 ? 'CTO' : 'Head of Sales', company,
        `https://linkedin.com/company/walkthrough-${i % 10}`, 'Lyon', 'France', i % 3 ? 'teal' : '"=1+1"'].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Opens the progress socket with a single-use ticket; every message is printed and kept. */
async function progressSocket(): Promise<{ socket: WebSocket; messages: Json[] }> {
  const { ticket } = await call('POST', '/v1/ws-tickets');
  const socket = new WebSocket(`${WS}?ticket=${encodeURIComponent(ticket as string)}`);
  const messages: Json[] = [];
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as Json;
    messages.push(message);
    // Progress is reported while rows are still being written, so its last figure can stay below
    // 100%; the completed status is what says the job is done.
    const detail =
      message.type === 'progress'
        ? `${message.completed} rows, ${Math.floor(message.progress * 100)}%`
        : message.status === 'completed'
          ? 'completed (100%)'
          : (message.status ?? message.stage ?? '');
    console.log(`   ws ← ${message.type} ${detail}`);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return { socket, messages };
}

async function finalStatus(messages: Json[], jobId: string): Promise<Json> {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  for (;;) {
    const final = messages.find((m) => m.job_id === jobId && m.type === 'status' && ['completed', 'failed', 'stopped'].includes(m.status));
    if (final) return final;
    if (Date.now() > deadline) throw new Error(`job ${jobId} did not finish within ${STEP_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function runJob(socket: WebSocket, messages: Json[], request: Json): Promise<Json> {
  const { job } = await call('POST', '/v1/jobs', request);
  console.log(`   job ${job.id} ${job.job_type}: ${job.status}`);
  socket.send(JSON.stringify({ action: 'subscribe', job_id: job.id }));
  // The subscription answers with the job's current status, so a job that finished first is not missed.
  const subscribed = await waitFor(() => messages.find((m) => m.type === 'subscribed' && m.job_id === job.id));
  if (['completed', 'failed', 'stopped'].includes(subscribed.status)) return (await call('GET', `/v1/jobs/${job.id}`)).job;
  const final = await finalStatus(messages, job.id);
  if (final.status !== 'completed') throw new Error(`job ${job.id} ended ${final.status}: ${JSON.stringify(final.error)}`);
  return (await call('GET', `/v1/jobs/${job.id}`)).job;
}

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

async function main(): Promise<void> {
  if (!KEY) throw new Error('Set LEADSTACK_KEY to the API key npm start printed');
  const csv = peopleCsv();

  console.log('1. Presigned upload');
  const upload = await call('POST', '/v1/uploads', { filename: 'people.csv', content_type: 'text/csv', size: Buffer.byteLength(csv) });
  const put = await fetch(upload.upload_url as string, { method: 'PUT', headers: upload.headers as Record<string, string>, body: csv });
  if (!put.ok) throw new Error(`PUT to the presigned URL → ${put.status}`);
  console.log(`   ${upload.s3_key} (${Buffer.byteLength(csv)} bytes, ETag ${put.headers.get('etag')})`);

  console.log('2. Import job, watched on the WebSocket');
  const { socket, messages } = await progressSocket();
  const imported = await runJob(socket, messages, { job_type: 'insert_csv_file', job_data: { s3_key: upload.s3_key }, retry_count: 3 });
  console.log(`   counters ${JSON.stringify(imported.counters)}`);

  console.log('3. Search the new records');
  const where = { keyword_match: { must: { city: 'lyon', last_name: 'walker' } } };
  const count = await waitFor(async () => {
    const { count: n } = await call('POST', '/v1/contacts/count', { where });
    return n === ROWS ? n : undefined;
  });
  const page = await call('POST', '/v1/contacts/search', { where, select_columns: ['first_name', 'email', 'title'], limit: 3 });
  console.log(`   ${count} contacts in Lyon; first: ${JSON.stringify(page.data[0])}`);

  for (const [index, format] of (['csv', 'xlsx'] as const).entries()) {
    console.log(`${4 + index}. Export to ${format.toUpperCase()} and download`);
    const exported = await runJob(socket, messages, {
      job_type: 'export_csv_file',
      job_data: { entity: 'contact', format, select_columns: ['first_name', 'last_name', 'email', 'title'], query: { where } },
    });
    const { download_url: url, filename } = await call('GET', `/v1/jobs/${exported.id}/download`);
    const file = Buffer.from(await (await fetch(url as string)).arrayBuffer());
    if (exported.result.rows !== ROWS) throw new Error(`export wrote ${exported.result.rows} rows, expected ${ROWS}`);
    const looksRight = format === 'csv' ? file.toString('utf8').includes('ada1@walkthrough.example') : file.subarray(0, 2).toString() === 'PK';
    if (!looksRight) throw new Error(`the downloaded ${format} is not what was exported`);
    console.log(`   ${filename}: ${exported.result.rows} rows, ${file.length} bytes downloaded`);
  }
  socket.close();
  console.log('Walkthrough complete.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
