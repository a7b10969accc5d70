import { locationIn } from '@org/test-utils/redis';
import { describe, expect, it } from 'vitest';
import { RedirectSourceError } from './errors';
import { compileSnapshot, encodeSnapshot, parseSnapshot, snapshotHash } from './snapshot';

const rules = [{ from: '/old', to: '/new', status: 301 as const }];
const good = () => {
  const encoded = encodeSnapshot(rules, [{ file: '_redirects', line: 2 }]);
  return { version: '3', ...encoded, author: 'ci', time: '2026-01-02T03:04:05.000Z' };
};

describe('parseSnapshot', () => {
  it('reads a valid snapshot and compiles it with its origins', () => {
    const snapshot = parseSnapshot(good(), '3');
    expect(snapshot).toMatchObject({ version: '3', author: 'ci', rules });
    expect(snapshot.origins).toEqual([{ file: '_redirects', line: 2 }]);
    expect(locationIn(compileSnapshot(snapshot).match({ url: '/old' }))).toBe('/new');
  });

  it.each([
    ['a missing snapshot', {}, /does not exist/],
    ['a missing field', { ...good(), author: undefined }, /field "author"/],
    ['a non-ISO time', { ...good(), time: 'yesterday' }, /field "time"/],
    ['another version', good(), /says it is version 3/, '4'],
    ['edited rules', { ...good(), rules: '[]' }, /do not match its hash/],
    ['a bad hash', { ...good(), hash: 'x' }, /field "hash" must be a SHA-256/],
    ['a string instead of fields', 'garbage', /field "options"|expected object/],
  ] as const)('refuses %s', (_name, fields, message, version: string = '3') => {
    const read = () => parseSnapshot(fields, version);
    expect(read).toThrow(RedirectSourceError);
    expect(read).toThrow(message);
  });

  it("carries the host's matching options, under the instance's own, and hashes them", () => {
    const fields = { ...good(), ...encodeSnapshot(rules, [], { caseSensitive: true }) };
    const snapshot = parseSnapshot(fields, '3');
    expect(snapshot.matching).toEqual({ caseSensitive: true });
    expect(compileSnapshot(snapshot).match({ url: '/OLD' })).toBeNull();
    expect(
      compileSnapshot(snapshot, { caseSensitive: false }).match({ url: '/OLD' }),
    ).not.toBeNull();
    expect(() => parseSnapshot({ ...fields, matching: '{}' }, '3')).toThrow(
      /do not match its hash/,
    );
    const bad = { ...fields, matching: '{"caseSensitive":"yes"}' };
    const rehashed = { ...bad, hash: snapshotHash(bad.rules, bad.origins, bad.matching) };
    expect(() => parseSnapshot(rehashed, '3')).toThrow(/matching\.caseSensitive/);
  });

  it('refuses rules JSON that is not an array, and rules of the wrong shape when compiling', () => {
    const notArray = { rules: '{}', origins: '[]', hash: snapshotHash('{}', '[]') };
    expect(() => parseSnapshot({ ...good(), ...notArray }, '3')).toThrow(/rules must be an array/);
    const snapshot = parseSnapshot({ ...good(), ...encodeSnapshot([{ from: 1 } as never]) }, '3');
    expect(() => compileSnapshot(snapshot)).toThrow(RedirectSourceError);
    expect(() => compileSnapshot(snapshot)).toThrow(/snapshot 3 is invalid: [\s\S]*rule 1/);
  });
});
