// A real server on 127.0.0.1 and a raw HTTP/1.1 client for requests that fetch refuses to
// send (bad percent-encoding, huge paths, a chosen Host header). Tests import it from source.
import { once } from 'node:events';
import { createServer, type RequestListener } from 'node:http';
import { connect } from 'node:net';

export interface Running {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Starts `listener` on 127.0.0.1 on an ephemeral port; large headers allowed (64 KiB paths). */
export async function serve(listener: RequestListener): Promise<Running> {
  const server = createServer({ maxHeaderSize: 256 * 1024 }, listener);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('@org/test-utils: the server got no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Sends one request exactly as written (target and headers unchecked) and reads the answer. */
export async function rawRequest(
  port: number,
  target: string,
  {
    method = 'GET',
    host = '127.0.0.1',
    headers: sent = {},
  }: { method?: string; host?: string; headers?: Readonly<Record<string, string>> } = {},
): Promise<RawResponse> {
  const socket = connect(port, '127.0.0.1');
  const extra = Object.entries(sent).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.write(
    `${method} ${target} HTTP/1.1\r\nHost: ${host}\r\n${extra.join('')}Connection: close\r\n\r\n`,
  );
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  await once(socket, 'close');
  const text = Buffer.concat(chunks).toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  const [statusLine = '', ...lines] = text.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body: text.slice(end + 4) };
}
