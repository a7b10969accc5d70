import { describe, expect, it } from 'vitest';
import { clientProfiles } from '../clients/profiles';
import { clientIds } from '../clients/types';
import { buildClientPlan, clientPlan, statusRule } from './client-plan';
import { bodyHeaderNames } from './client-rules';

describe('client plans', () => {
  it.each(clientIds)('%s: the plan says what its profile says', (id) => {
    const profile = clientProfiles[id];
    const plan = buildClientPlan(id);
    expect(plan.name).toBe(profile.name);
    expect(plan.maxRedirects).toBe(profile.maxRedirects.value);
    expect(plan.maxRedirectsSource).toBe(profile.maxRedirects.source);
    for (let status = 300; status <= 308; status++) {
      expect(statusRule(plan, status)).toBe(profile.statuses[status as 300]);
    }
    expect(plan.bodyNames).toEqual(bodyHeaderNames(profile.bodyHeaders.value).names);
    expect(plan.bodySource).toBe(profile.bodyHeaders.source);
    expect(plan.credentials.map((rule) => [rule.on, rule.names, rule.source])).toEqual(
      profile.credentials.map((rule) => [rule.on, rule.headers, rule.source]),
    );
    for (const rule of plan.credentials) {
      expect(rule.namesKeepingCookies).toEqual(
        rule.names.filter((name) => !['cookie', 'cookie2', 'proxy-authorization'].includes(name)),
      );
    }
    expect(plan.origin).toBe(profile.origin.value);
    expect(plan.refererPolicy).toBe(profile.referer.value === 'policy');
  });

  it('has no rule outside 300-308', () => {
    const plan = clientPlan('fetch');
    expect(statusRule(plan, 299)).toBeNull();
    expect(statusRule(plan, 309)).toBeNull();
    expect(statusRule(plan, 200)).toBeNull();
  });

  it('is built once per client', () => {
    expect(clientPlan('fetch')).toBe(clientPlan('fetch'));
    expect(clientPlan('curl-x')).toBe(clientPlan('curl-x'));
    expect(clientPlan('curl-x')).not.toBe(clientPlan('curl'));
  });
});
