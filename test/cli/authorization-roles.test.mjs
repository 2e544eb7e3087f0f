// Roles are an account's authorization, never PHI: a key of a returned dict that holds the roles
// read off another module's record is clean, while the whole dict (which also holds a name) is not.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli, tempProject } from './run-cli.mjs';

test('a returned key holding roles read off another call\'s record is clean; the dict logged whole is not', () => {
  const cwd = tempProject('authorization-roles', {
    'app/__init__.py': '',
    'app/db.py': '',
    'app/models.py': [
      'from sqlalchemy import Column, Integer, String',
      'from app.db import Base',
      '',
      '',
      'class ClinicMembership(Base):',
      '    __tablename__ = "clinic_memberships"',
      '    id = Column(Integer, primary_key=True)',
      '    full_name = Column(String)',
      '    roles = Column(String)',
      '',
    ].join('\n'),
    'app/memberships.py': [
      'from typing import Optional',
      '',
      'from app.models import ClinicMembership',
      '',
      '',
      'def find_membership(db, user) -> Optional[ClinicMembership]:',
      '    return db.query(ClinicMembership).filter(ClinicMembership.id == user.id).first()',
      '',
    ].join('\n'),
    'app/tokens.py': [
      'import logging',
      '',
      'from app.memberships import find_membership',
      '',
      'logger = logging.getLogger(__name__)',
      '',
      '',
      'def token_data(db, user):',
      '    clinic_roles = []',
      '    display_name = user.email',
      '    membership = find_membership(db, user)',
      '    if membership:',
      '        clinic_roles = membership.roles or []',
      '        display_name = membership.full_name',
      '    return {"clinic_roles": clinic_roles, "display_name": display_name}',
      '',
      '',
      'def refresh(db, user):',
      '    data = token_data(db, user)',
      '    logger.info(f"roles: {data[\'clinic_roles\']}")',
      '    logger.info(f"everything: {data}")',
      '',
    ].join('\n'),
  });
  const { stdout } = runCli(['scan', '.', '--format', 'json', '--fail-on', 'never'], { cwd });
  const lines = JSON.parse(stdout).findings.filter((f) => f.ruleId === 'phi-in-log').map((f) => `${f.file}:${f.line}`);
  assert.deepEqual(lines, ['app/tokens.py:21']);
});
