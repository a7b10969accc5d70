// A port for a test to hand to a child process (`next start -p`) or to dial where nothing
// listens: the OS picks a free one on 127.0.0.1, which is bound and then released.
import { createServer } from 'node:net';

/** A port on 127.0.0.1 that was free a moment ago and that nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error('@org/test-utils: the probe server got no TCP address'));
      });
    });
  });
}
