import { execFile } from 'node:child_process';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../lib/local/options.ts';
import { findFreePortBase } from '../../../lib/local/port-range.ts';

describe('npm start without Java', () => {
  it('It should say what is missing and how to install it, in one short paragraph, and exit 1', async () => {
    // Arrange: a PATH holding only node, so no `java` can be found
    const bin = await mkdtemp(path.join(REPO_ROOT, '.tmp', 'no-java-'));
    await symlink(process.execPath, path.join(bin, 'node'));
    const base = await findFreePortBase();
    try {
      // Act
      const failed = await promisify(execFile)(path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['bin/local.ts', '--ephemeral', '--quiet', '--port-base', String(base)], {
        cwd: REPO_ROOT,
        env: { ...process.env, PATH: bin },
      }).then(
        () => undefined,
        (error: unknown) => error as { code: number; stderr: string },
      );

      // Assess
      expect(failed?.code).toBe(1);
      const lines = failed!.stderr.trim().split('\n');
      expect(lines[0]).toContain('DynamoDB Local needs Java 17');
      expect(failed!.stderr).toContain('apt-get install -y openjdk-17-jre-headless');
      expect(lines.length).toBeLessThanOrEqual(4);
      expect(failed!.stderr).not.toMatch(/\bat .+\.(ts|js):\d+/);
    } finally {
      await rm(bin, { recursive: true, force: true });
    }
  });
});
