import { describe, expect, it } from 'vitest';
import { chooseStatus, explainStatus, type RedirectIntent } from './choose-status';
import { redirectStatuses } from './status';

describe('chooseStatus', () => {
  // The contract, row by row. Each status is justified by its RFC 9110 section.
  it.each([
    [{ permanent: true }, 308],
    [{ permanent: true, preserveMethod: false }, 301],
    [{ permanent: true, legacyClients: true }, 301],
    [{ permanent: false }, 307],
    [{ permanent: false, preserveMethod: false }, 303],
    [{ permanent: false, legacyClients: true }, 302],
    [{}, 307],
    [{ permanent: false, preserveMethod: false, legacyClients: true }, 302],
    [{ permanent: true, preserveMethod: false, legacyClients: true }, 301],
  ] as [RedirectIntent, number][])('%j -> %i', (intent, status) => {
    expect(chooseStatus(intent)).toBe(status);
  });

  it('defaults to 307 without an intent', () => {
    expect(chooseStatus()).toBe(307);
  });

  it('agrees with the table: permanence and method rule of the chosen code', () => {
    for (const permanent of [true, false]) {
      for (const preserveMethod of [true, false]) {
        const choice = explainStatus({ permanent, preserveMethod });
        const row = redirectStatuses[choice.status];
        expect(row.permanent.value).toBe(permanent ? 'yes' : 'no');
        const keeps = row.methods.fetch.rewrite === 'none';
        expect(keeps).toBe(preserveMethod);
      }
    }
  });

  it('explains every choice with a reason, caveats and sources', () => {
    const choice = explainStatus({ permanent: true, legacyClients: true });
    expect(choice.status).toBe(301);
    expect(choice.why).toMatch(/301/);
    expect(choice.caveats.join(' ')).toMatch(/POST into GET/);
    expect(choice.sources).toContain('rfc9110-15.4.2');
  });
});

describe('chooseStatus on input from outside', () => {
  it('treats a missing or null intent as the default (307) instead of throwing', () => {
    expect(explainStatus(null).status).toBe(307);
    expect(explainStatus(undefined).status).toBe(307);
  });
});
