import { describe, expectTypeOf, it } from 'vitest';
import type { RedirectConfigError } from '../map/errors';
import type { RedirectRule, RuleOrigin } from '../map/types';
import {
  detectFormat,
  type HostMapOptions,
  parseRedirects,
  type RedirectParseError,
  serializeRedirects,
} from './index';

describe('format types', () => {
  it('reads only the parseable formats', () => {
    expectTypeOf(parseRedirects)
      .parameter(1)
      .toEqualTypeOf<'netlify' | 'netlify-toml' | 'vercel' | 'next' | 'csv' | 'json'>();
    expectTypeOf(detectFormat('')).toEqualTypeOf<
      'netlify' | 'netlify-toml' | 'vercel' | 'next' | 'csv' | 'json' | null
    >();
    // @ts-expect-error nginx is export only
    parseRedirects('', 'nginx');
  });

  it('returns rules with their origins, and what a format lost', () => {
    const parsed = parseRedirects('', 'json');
    expectTypeOf(parsed.rules).toEqualTypeOf<RedirectRule[]>();
    expectTypeOf(parsed.origins).toEqualTypeOf<RuleOrigin[]>();
    expectTypeOf(parsed.options).toEqualTypeOf<HostMapOptions | undefined>();
    expectTypeOf(serializeRedirects([], 'nginx').lost).toEqualTypeOf<string[]>();
  });

  it('raises a config error', () => {
    expectTypeOf<RedirectParseError>().toExtend<RedirectConfigError>();
    expectTypeOf<RedirectParseError['format']>().toEqualTypeOf<
      'netlify' | 'netlify-toml' | 'vercel' | 'next' | 'csv' | 'json' | 'nginx'
    >();
  });
});
