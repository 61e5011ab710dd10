import { describe, expect, it } from 'vitest';
import { minimumRequests, summarizeRequests } from './request-summary';

describe('summarizeRequests', () => {
  it("counts every request of every store's log, and each store's own login operation", () => {
    const summary = summarizeRequests({
      vault: { login: 1, read: 7, 'revoke-self': 1 },
      azure_key_vault: { challenge: 1, openid: 1, token: 1, read: 7 },
      infisical: { login: 2, read: 6 },
    });
    expect(summary.requests).toBe(27);
    expect(summary.logins).toBe(4);
  });
});

describe('minimumRequests', () => {
  it('is one login per integration used plus one read per distinct path', () => {
    expect(minimumRequests(3, 20)).toBe(23);
  });
});
