import { expect } from 'chai';
import { APPLICATION_STATUSES, nextStatus, type ApplicationEvent } from '../../server/modules/applications/application-status.ts';
import { canActForFirm, canSeeApplication } from '../../server/modules/applications/applications.permissions.ts';
import { mergeFacts } from '../../server/modules/applications/save-application-facts.ts';
import { isWithinCallWindow } from '../../server/modules/applications/call-window.ts';
import type { Application } from '../../server/modules/applications/applications.repository.ts';
import type { CurrentUser } from '../../server/modules/identity/identity.types.ts';

describe('the application status table', () => {
  const allowed: Record<ApplicationEvent, Record<string, string>> = {
    submit: { draft: 'submitted' },
    screen_out: { submitted: 'ineligible' },
    withdraw: { draft: 'withdrawn', submitted: 'withdrawn', returned: 'withdrawn' },
    return: { submitted: 'returned', in_review: 'returned' },
    resubmit: { returned: 'submitted' },
    assign: { submitted: 'in_review' },
    score: { in_review: 'scored' },
    approve: { scored: 'approved' },
    reject: { scored: 'rejected' },
    notice: { approved: 'noticed' },
    revoke: { approved: 'revoked', noticed: 'revoked' },
    appeal: { rejected: 'appealed' },
    uphold_appeal: { appealed: 'approved' },
    dismiss_appeal: { appealed: 'rejected' },
  };
  for (const [event, moves] of Object.entries(allowed) as [ApplicationEvent, Record<string, string>][]) {
    it(`when "${event}" happens, then only ${Object.keys(moves).join(', ')} move, to ${[...new Set(Object.values(moves))].join(', ')}`, () => {
      for (const status of APPLICATION_STATUSES) expect(nextStatus(status, event), `${status} + ${event}`).to.equal(moves[status] ?? null);
    });
  }
});

describe('who may see and act on an application', () => {
  const application = { companyId: 'c1' } as Application;
  const person = (roles: CurrentUser['roles'], companyId: string | null): CurrentUser => ({ id: 'u', email: 'u@x.cn', displayName: 'U', roles, companyId, companyRole: companyId ? 'editor' : null });
  const table: [string, CurrentUser, boolean, boolean][] = [
    ['a member of the firm', person(['applicant'], 'c1'), true, true],
    ['a member of another firm', person(['applicant'], 'c2'), false, false],
    ['an officer', person(['officer'], null), true, false],
    ['an administrator', person(['admin'], null), true, false],
    ['a reviewer', person(['reviewer'], null), false, false],
  ];
  for (const [who, user, sees, acts] of table) {
    it(`when ${who} asks, then sees=${sees} and acts for the firm=${acts}`, () => {
      expect(canSeeApplication(user, application)).to.equal(sees);
      expect(canActForFirm(user, application)).to.equal(acts);
    });
  }
});

describe('autosave merging and the call window', () => {
  it('when a patch has values and nulls, then values replace and nulls remove', () => {
    expect(mergeFacts({ a: 1, b: [1, 2], c: true }, { a: 2, b: null, d: 'x' })).to.deep.equal({ a: 2, c: true, d: 'x' });
  });

  it('when the instant is at the opening, at the end of grace, or a millisecond later, then in, in, out', () => {
    const call = { opensAt: '2026-01-01T00:00:00.000Z', closesAt: '2026-01-31T09:00:00.000Z', graceMinutes: 15 } as Parameters<typeof isWithinCallWindow>[0];
    expect(isWithinCallWindow(call, new Date('2026-01-01T00:00:00.000Z'))).to.equal(true);
    expect(isWithinCallWindow(call, new Date('2025-12-31T23:59:59.999Z'))).to.equal(false);
    expect(isWithinCallWindow(call, new Date('2026-01-31T09:15:00.000Z'))).to.equal(true);
    expect(isWithinCallWindow(call, new Date('2026-01-31T09:15:00.001Z'))).to.equal(false);
  });
});
