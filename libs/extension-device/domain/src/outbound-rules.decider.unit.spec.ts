import type { Principal } from '@tnp/kernel';
import { outboundRulesDecider, type OutboundRulesCommand } from './outbound-rules.decider';

const meta = (principal: Principal) => ({ commandId: 'c', now: '2026-01-01T00:00:00Z', correlationId: 'c', principal });
const admin: Principal = { id: 'adm', role: 'occupier-admin', tenantId: 'acme' };
const staff = { ruleId: 'staff', name: 'Staff', permits: ['internal', 'national'] as const, passcodeFor: [] as const };
const define = (rule: object, principal: Principal = admin) =>
  ({ type: 'DefineOutboundRule', data: { tenant: 'acme', ...staff, ...rule }, metadata: meta(principal) }) as OutboundRulesCommand;

describe('outbound rules', () => {
  test('the occupier’s admin defines and redefines its rules; the same definition again changes nothing', () => {
    const [defined] = outboundRulesDecider.decide(define({}), outboundRulesDecider.initialState(), undefined);
    expect(defined).toEqual({ type: 'OutboundRuleDefined', data: { tenant: 'acme', ...staff } });
    const state = outboundRulesDecider.evolve(outboundRulesDecider.initialState(), defined!);
    expect(outboundRulesDecider.decide(define({}), state, undefined)).toEqual([]);
    const [changed] = outboundRulesDecider.decide(define({ permits: ['internal'] }), state, undefined);
    expect(outboundRulesDecider.evolve(state, changed!).rules).toEqual([{ ...staff, permits: ['internal'] }]);
  });

  test('users and other occupiers’ admins cannot define them', () => {
    for (const principal of [
      { id: 'u', role: 'user', tenantId: 'acme' },
      { id: 'other', role: 'occupier-admin', tenantId: 'globex' },
    ] as Principal[]) {
      expect(() => outboundRulesDecider.decide(define({}, principal), outboundRulesDecider.initialState(), undefined)).toThrow(
        expect.objectContaining({ code: 'FORBIDDEN' }),
      );
    }
  });
});
