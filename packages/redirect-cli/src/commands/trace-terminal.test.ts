import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TraceReport, trace } from './trace';

// A server that writes raw bytes, as a hostile one can: Node's own http server refuses to send
// control characters, so the responses are written straight to the socket.
const responses: Record<string, string> = {
  // OSC 52 (clipboard write) and a window title in the reason phrase of the last hop.
  '/osc': 'HTTP/1.1 404 Not\x1b]52;c;aGk=\x07 Found\x1b]0;pwned\x07\r\nContent-Length: 0\r\n\r\n',
  // A C1 CSI (0x9b) in the Location, then the target.
  '/c1': 'HTTP/1.1 302 Found\r\nLocation: /clear\x9b2J\r\nContent-Length: 0\r\n\r\n',
  '/clear\xc2\x9b2J': 'HTTP/1.1 200 OK\x9b2J\r\nContent-Length: 0\r\n\r\n',
  // ESC [2J in a Location: Node's parser (like fetch's) refuses the response.
  '/esc': 'HTTP/1.1 302 Found\r\nLocation: /x\x1b[2J\r\nContent-Length: 0\r\n\r\n',
  // Two Location headers: a Headers object would join them into "/ok, http://evil.test/".
  '/two':
    'HTTP/1.1 302 Found\r\nLocation: /ok\r\nLocation: http://evil.test/\r\nContent-Length: 0\r\n\r\n',
  '/ok': 'HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n',
};

let server: Server;
let origin = '';

beforeAll(async () => {
  server = createServer((socket) => {
    let head = '';
    socket.on('data', (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      const path = head.split(' ')[1] ?? '';
      const decoded = decodeURIComponent(path);
      const raw =
        responses[path] ??
        responses[Buffer.from(decoded, 'utf8').toString('latin1')] ??
        'HTTP/1.1 404 Nope\r\nContent-Length: 0\r\n\r\n';
      socket.end(Buffer.from(raw, 'latin1'));
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  origin = `http://127.0.0.1:${address.port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// Any terminal control: C0 (ESC, BEL...), DEL, C1.
const control = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('trace on a hostile server', () => {
  it('shows an OSC 52 and a title sequence in the reason phrase as visible escapes', async () => {
    const text = await trace(`${origin}/osc`);
    expect(text.stdout).not.toMatch(control);
    expect(text.stdout).toContain('Not\\x1b]52;c;aGk=\\x07 Found\\x1b]0;pwned\\x07');
    // --json keeps the exact bytes (JSON escapes them itself).
    const json = JSON.parse((await trace(`${origin}/osc`, { json: true })).stdout) as TraceReport;
    expect(json.hops[0]?.statusText).toBe('Not\x1b]52;c;aGk=\x07 Found\x1b]0;pwned\x07');
  });

  it('shows a C1 CSI (0x9b) in a Location and a reason phrase as \\x9b', async () => {
    const text = await trace(`${origin}/c1`);
    expect(text.stdout).not.toMatch(control);
    expect(text.stdout).toContain('Location: /clear\\x9b2J');
    expect(text.stdout).toContain('200 OK\\x9b2J');
    const json = JSON.parse((await trace(`${origin}/c1`, { json: true })).stdout) as TraceReport;
    expect(json.hops[0]?.location).toBe('/clear\x9b2J');
  });

  it('fails on ESC [2J in a Location as clients do, printing no control byte', async () => {
    const text = await trace(`${origin}/esc`);
    expect(text.exitCode).toBe(3);
    expect(text.stdout).not.toMatch(control);
    expect(text.stdout).toContain('malformed HTTP response');
  });

  it('fails on two Location headers instead of following a joined value', async () => {
    const run = await trace(`${origin}/two`, { json: true });
    const report = JSON.parse(run.stdout) as TraceReport;
    expect(run.exitCode).toBe(1);
    expect(report.hops).toHaveLength(1);
    expect(report.flags).toContainEqual(
      expect.objectContaining({ kind: 'invalid-redirect', severity: 'error', hop: 1 }),
    );
    expect(report.hops[0]?.location).toBe('/ok, http://evil.test/');
  });
});
