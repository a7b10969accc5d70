import { describe, expect, it } from 'vitest';
import { serializeNginx } from './nginx';

describe('serializeNginx', () => {
  it('puts exact paths in a map per status and patterns in server-level ifs, in order', () => {
    const { text, lost } = serializeNginx([
      { from: '/old', to: '/new', permanent: true },
      { from: '/gone', to: '/home', status: 301, preserveQuery: false },
      { from: '/blog/:slug', to: '/articles/:slug', status: 301 },
      { from: '/docs/*', to: 'https://docs.example.com/:splat', status: 302 },
    ]);
    expect(text).toContain(
      'map $uri $redirect_308 {\n    default "";\n    "/old" "/new";\n    "/old/" "/new";\n}',
    );
    expect(text).toContain('map $uri $redirect_301_bare {');
    expect(text).toContain('if ($redirect_308) {\n    return 308 $redirect_308$is_args$args;\n}');
    expect(text).toContain('return 301 $redirect_301_bare;');
    expect(text).toContain(
      'if ($uri ~* "^/blog/([^/]+)/?$") {\n    return 301 "/articles/$1$is_args$args";\n}',
    );
    expect(text).toContain(
      'if ($uri ~* "^/docs(?:/(.*))?$") {\n    return 302 "https://docs.example.com/$1$is_args$args";\n}',
    );
    expect(lost.join('\n')).toContain('decoded');
  });

  it('leaves out rules an earlier pattern always answers', () => {
    const { text, lost } = serializeNginx([
      { from: '/docs/*', to: '/guide/:splat', status: 308 },
      { from: '/docs/intro', to: '/start', status: 308 },
    ]);
    expect(text).not.toContain('/start');
    expect(lost[0]).toBe(
      'rule 2 (/docs/intro): left out, as an earlier rule always answers first.',
    );
  });

  it('keys host rules on $host$uri and leaves out what it cannot express', () => {
    const { text, lost } = serializeNginx(
      [
        { from: '/a', to: '/b', status: 301, host: 'Shop.example.com' },
        { from: '/api', to: '/v2', status: 307, methods: ['POST'] },
        { from: '/q', to: '/r', status: 307, query: { x: true } },
        { from: '/s', to: '/t?x=1', status: 307 },
        { from: '/dead', to: '/x', status: 301 },
        { from: '/x/:a/y/:b', to: '/z/:b/:a', status: 307, host: 'shop.example.com' },
      ],
      { unreachable: new Set([4]) },
    );
    expect(text).toContain('map $host$uri $redirect_host_301 {');
    expect(text).toContain('"shop.example.com/a" "/b";');
    expect(text).toContain(
      'if ($redirect_host_path ~* "^shop\\\\.example\\\\.com/x/([^/]+)/y/([^/]+)/?$") {\n    return 307 "/z/$2/$1$is_args$args";',
    );
    expect(text).toContain('set $redirect_host_path "$host$uri";');
    expect(text).not.toContain('/api');
    expect(text).not.toContain('"/q"');
    expect(text).not.toContain('/dead');
    expect(text).toContain('return 307 $redirect_307_bare;');
    expect(lost.filter((line) => line.includes('left out'))).toHaveLength(3);
    expect(lost.join('\n')).toContain("request's query is not carried over");
  });
});
