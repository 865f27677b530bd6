import { describe, expect, it } from 'vitest';
import { chargeDownload, downloadPeriod, withDownloadCharge } from '../../../../functions/domain/accounts/download-limit.ts';
import { MemoryLedger, MemoryUsers, aUser } from './fakes.ts';

const principal = { workspaceId: 'ws-a', userId: aUser().id, role: 'user' as const };

describe('download limits', () => {
  it('It should charge up to the limit per calendar month and refuse beyond it with ERR_DOWNLOAD_LIMIT_EXCEEDED', async () => {
    const users = new MemoryUsers();
    const ledger = new MemoryLedger();
    await users.create(aUser({ downloadLimit: 100 }));
    const june = new Date('2025-06-30T23:00:00Z');

    const first = await chargeDownload({ users, ledger }, principal, 70, june);
    const over = await chargeDownload({ users, ledger }, principal, 31, june).catch((error: unknown) => error);
    const july = await chargeDownload({ users, ledger }, principal, 100, new Date('2025-07-01T00:00:00Z'));

    expect(downloadPeriod(june)).toBe('2025-06');
    expect(first).toMatchObject({ used: 70, limit: 100, period: '2025-06' });
    expect(over).toMatchObject({ code: 'ERR_DOWNLOAD_LIMIT_EXCEEDED', status: 403 });
    expect(await ledger.used('ws-a', principal.userId, '2025-06')).toBe(70);
    expect(july).toMatchObject({ used: 100, period: '2025-07' });
  });

  it('It should give the rows back when the work fails to start, and not limit operator keys', async () => {
    const users = new MemoryUsers();
    const ledger = new MemoryLedger();
    await users.create(aUser({ downloadLimit: 100 }));

    const failed = await withDownloadCharge({ users, ledger }, principal, 60, async () => {
      throw new Error('queue down');
    }).catch((error: unknown) => error);
    const operator = await chargeDownload({ users, ledger }, { workspaceId: 'ws-a', keyId: 'k', role: 'admin' }, 1_000_000);

    expect(failed).toBeInstanceOf(Error);
    expect(await ledger.used('ws-a', principal.userId, downloadPeriod(new Date()))).toBe(0);
    expect(operator).toBeUndefined();
  });
});
