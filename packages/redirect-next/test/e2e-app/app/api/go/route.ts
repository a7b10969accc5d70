import { redirectResponse } from '@org/redirect-next';

// After a form POST, send the browser to `?to=` with a GET (303), never off-site.
export function POST(request: Request): Response {
  const to = new URL(request.url).searchParams.get('to');
  return redirectResponse(to, { permanent: false, preserveMethod: false });
}

export function GET(request: Request): Response {
  const to = new URL(request.url).searchParams.get('to');
  return redirectResponse(to);
}
