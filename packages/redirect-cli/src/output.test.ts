import { describe, expect, it } from 'vitest';
import { colorEnabled, colors } from './output';

describe('colorEnabled', () => {
  it.each([
    [true, {}, true],
    [false, {}, false],
    [undefined, {}, false],
    [true, { NO_COLOR: '1' }, false],
    [true, { NO_COLOR: '' }, true],
  ] as const)('isTTY %s with %o -> %s', (isTTY, env, expected) => {
    expect(colorEnabled({ isTTY }, env)).toBe(expected);
  });

  it('colours only when enabled', () => {
    expect(colors(true).red('x')).not.toBe('x');
    expect(colors(false).red('x')).toBe('x');
  });
});
