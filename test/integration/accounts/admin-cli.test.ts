import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../lib/local/options.ts';
import { writeLocalState } from '../../../lib/local/state-file.ts';
import { startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';
import { signIn } from './helpers.ts';

// `npm run admin` as an operator runs it: a child process, no AWS variables, finding the local
// cloud through the state file a running `npm start` leaves.
const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const AWS_VARIABLES = /^(AWS_|CONTROL_TABLE_NAME$)/;

const admin = async (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !AWS_VARIABLES.test(name)));
  try {
    const { stdout, stderr } = await promisify(execFile)(TSX, ['bin/admin.ts', ...args], { cwd: REPO_ROOT, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
};

let t: TestCloud;
let dir: string;

beforeAll(async () => {
  t = await startTestCloud();
  dir = await mkdtemp(path.join(REPO_ROOT, '.tmp', 'admin-cli-'));
});

afterAll(async () => {
  await t?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('npm run admin against the local cloud', () => {
  it('It should create a user in the running local cloud, found through its state file, who can then sign in', async () => {
    // Arrange
    const stateFile = path.join(dir, 'local-cloud.json');
    await writeLocalState(stateFile, t.cloud);

    // Act
    const result = await admin(['create-user', '--workspace', 'ws-admin-cli', '--email', 'ops@example.com', '--name', 'Ops', '--local-state', stateFile]);

    // Assess
    expect(result.code, result.stderr).toBe(0);
    const printed = JSON.parse(result.stdout) as { workspace_id: string; user: { email: string; role: string }; password: string };
    expect(printed).toMatchObject({ workspace_id: 'ws-admin-cli', user: { email: 'ops@example.com', role: 'admin' } });
    const tokens = await signIn(t, 'ops@example.com', printed.password);
    expect((await t.api('/v1/auth/profile', { key: tokens.access })).body.user).toMatchObject({ email: 'ops@example.com', role: 'admin' });
  });

  it('It should fail with one line when no local cloud runs and no table is named', async () => {
    const result = await admin(['create-user', '--workspace', 'w', '--email', 'x@example.com', '--name', 'X', '--local-state', path.join(dir, 'absent.json')]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual(['No running local cloud found (start one with `npm start`); for a deployed stack pass --table or set CONTROL_TABLE_NAME.']);
  });
});
