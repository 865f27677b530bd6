import { createServer } from 'node:net';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Every emulator and gateway binds loopback only: a laptop on café Wi-Fi must not expose data. */
export const LOOPBACK = '127.0.0.1';

/**
 * A free loopback port, for the one emulator (DynamoDB Local) that cannot report the port it
 * picked itself. The port could be taken between this probe and the spawn; a failed start says so.
 */
export const findFreePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, LOOPBACK, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

export const listen = (server: Server, port: number): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });

export const closeServer = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
    // Keep-alive sockets would hold close() open until their idle timeout.
    server.closeAllConnections();
  });

export const httpUrl = (port: number): string => `http://${LOOPBACK}:${port}`;
