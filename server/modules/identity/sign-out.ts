import type { Request, Response } from 'express';
import { SESSION_COOKIE } from '../../middleware/session.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import type { CurrentUser } from './identity.types.ts';

export function makeSignOut(deps: { audit: AuditRepository }) {
  return async function signOut(req: Request, res: Response, user: CurrentUser) {
    await new Promise<void>((resolve, reject) => req.session.destroy((err) => (err ? reject(err) : resolve())));
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    await deps.audit.record(
      { userId: user.id, label: user.email, clientIp: req.ip ?? null },
      { action: 'user.signed_out', entityType: 'user', entityId: user.id, companyId: user.companyId },
    );
  };
}
