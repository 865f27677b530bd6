/** Builders for outbound unit tests: a virtual clock, in-memory counters and call log, a loopback server. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FetchOutboundHttp } from '../../../../functions/adapters/http/outbound-http.fetch.ts';
import { SharedLimiter, type Clock } from '../../../../functions/domain/outbound/shared-limiter.ts';
import type { HostResolver } from '../../../../functions/domain/outbound/ssrf-guard.ts';
import { parseOutboundConfig } from '../../../../functions/platform/outbound-config.ts';
import type { RateCounter } from '../../../../functions/ports/accounts.port.ts';
import type { CallLog, CallLogEntry } from '../../../../functions/ports/call-log.port.ts';

/** Time that moves only when someone sleeps: backoffs and window waits are recorded, never slept. */
export class VirtualClock implements Clock {
  offset = 0;
  readonly sleeps: number[] = [];
  now(): number {
    return Date.now() + this.offset;
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.offset += ms;
  }
}

export class MemoryCounter implements RateCounter {
  readonly values = new Map<string, number>();
  async add(key: string, delta: number): Promise<number> {
    const next = (this.values.get(key) ?? 0) + delta;
    this.values.set(key, next);
    return next;
  }
}

export class MemoryCallLog implements CallLog {
  readonly entries: CallLogEntry[] = [];
  async record(entry: CallLogEntry): Promise<void> {
    this.entries.push(entry);
  }
  async query(): Promise<{ entries: CallLogEntry[] }> {
    return { entries: this.entries };
  }
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface TestServer {
  readonly port: number;
  readonly origin: string;
  readonly requests: IncomingMessage[];
  close(): Promise<void>;
}

export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: IncomingMessage[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface ClientSetup {
  readonly http: FetchOutboundHttp;
  readonly clock: VirtualClock;
  readonly counter: MemoryCounter;
  readonly callLog: MemoryCallLog;
}

/** A client whose env is `env`; the resolver answers only from `dns` (no real DNS in unit tests). */
export function makeClient(env: Record<string, string>, dns: Record<string, string[]> = {}): ClientSetup {
  const clock = new VirtualClock();
  const counter = new MemoryCounter();
  const callLog = new MemoryCallLog();
  const resolver: HostResolver = async (host) => {
    const found = dns[host];
    if (!found) throw new Error(`ENOTFOUND ${host}`);
    return found;
  };
  const http = new FetchOutboundHttp({ config: parseOutboundConfig(env), limiter: new SharedLimiter(counter, clock), callLog, clock, resolver, random: () => 0.5 });
  return { http, clock, counter, callLog };
}

export const WS = 'ws-test';
