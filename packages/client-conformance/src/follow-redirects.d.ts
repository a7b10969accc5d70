// The part of follow-redirects the suite uses (the package ships no types).
declare module 'follow-redirects' {
  import type { ClientRequest, IncomingMessage, RequestOptions } from 'node:http';

  interface Wrapped {
    request(
      url: string,
      options: RequestOptions,
      callback: (response: IncomingMessage) => void,
    ): ClientRequest;
  }
  const followRedirects: { readonly http: Wrapped; readonly https: Wrapped };
  export default followRedirects;
}
