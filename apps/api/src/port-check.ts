import { createServer } from 'node:net';

/** Resolves when the port can be listened on as the API will (all interfaces); rejects as listen does. */
export function ensurePortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(port, () => probe.close(() => resolve()));
  });
}
