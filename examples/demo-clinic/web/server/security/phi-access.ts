// Audit + role check for Express routes that touch PHI (HIPAA 164.312(b), 164.312(a)(1)).
// Appends one audit event per request (ids only, never PHI values) to an append-only file.

import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { appendFile } from 'node:fs/promises';

export type PhiAction = 'read' | 'write' | 'delete';
export type DataCategory = 'demographics' | 'clinical' | 'billing';

export interface PhiAccessOptions {
  action: PhiAction;
  dataCategory: DataCategory;
  roles: string[];
}

const ROLE_CATEGORIES: Record<string, readonly string[]> = {
  clinician: ['clinical', 'demographics'],
  billing: ['billing', 'demographics'],
  admin: ['*'],
};

const AUDIT_LOG_PATH = process.env.AUDIT_LOG_PATH ?? 'audit.log.jsonl';

export function phiAccess(options: PhiAccessOptions): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const user = res.locals.user as { id: string; role: string } | undefined;
    const categories = user ? ROLE_CATEGORIES[user.role] ?? [] : [];
    const allowed =
      user !== undefined &&
      options.roles.includes(user.role) &&
      categories.some((category) => category === '*' || category === options.dataCategory);
    const event = {
      userId: user?.id ?? null,
      patientId: req.params.id ?? null,
      action: options.action,
      dataCategory: options.dataCategory,
      timestamp: new Date().toISOString(),
      sourceIp: req.ip,
      allowed,
    };
    try {
      await appendFile(AUDIT_LOG_PATH, JSON.stringify(event) + '\n');
    } catch (error) {
      next(error);
      return;
    }
    if (!allowed) {
      res.status(403).json({ error: 'Role not permitted for this data category' });
      return;
    }
    next();
  };
}
