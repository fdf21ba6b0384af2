// What the firm (or an officer) sees of one application, and the lists.
import type { CurrentUser } from '../identity/identity.types.ts';
import type { IdentityRepository } from '../identity/identity.repository.ts';
import type { CallsRepository } from '../calls/calls.repository.ts';
import type { ApplicationsRepository } from './applications.repository.ts';
import { assertVisible } from './applications.permissions.ts';

type Outcome = (applicationId: string, programme: string, screening: Record<string, unknown> | null) => Promise<{ decision: unknown; appeal: unknown; letters: unknown[] }>;

export function makeViewApplication(deps: { applications: ApplicationsRepository; calls: CallsRepository; identity: IdentityRepository; decisionOutcome: Outcome }) {
  return async function viewApplication(id: string, user: CurrentUser) {
    const application = assertVisible(user, await deps.applications.find(id));
    const [call, company, documents, history] = await Promise.all([
      deps.calls.findById(application.callId),
      deps.identity.findCompanyById(application.companyId),
      deps.applications.documents(id),
      deps.applications.history(id),
    ]);
    const outcome = await deps.decisionOutcome(id, call!.programme, application.screening as Record<string, unknown> | null);
    return {
      id: application.id,
      callId: application.callId,
      programme: call!.programme,
      call: { id: call!.id, title: call!.title, closesAt: call!.closesAt, graceMinutes: call!.graceMinutes },
      company,
      status: application.status,
      version: application.version,
      facts: application.facts,
      documents,
      screening: application.screening,
      submittedAt: application.submittedAt,
      // the facts snapshot kept with a return is internal: it only serves to show what a resubmission changed
      history: history.map((entry) => (entry.event === 'return' ? { ...entry, changes: null } : entry)),
      ...outcome,
    };
  };
}

export function makeListApplications(deps: { applications: ApplicationsRepository }) {
  return async function listApplications(user: CurrentUser, filter: { callId?: string; status?: string; limit: number; offset: number }) {
    const staff = user.roles.includes('officer') || user.roles.includes('admin');
    // a firm sees its own; without a company there is nothing to see
    if (!staff && !user.companyId) return { items: [], total: 0 };
    return deps.applications.list({ ...filter, companyId: staff ? undefined : user.companyId! });
  };
}
