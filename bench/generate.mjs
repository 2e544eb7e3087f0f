// A deterministic generator of a realistic health-tech monorepo: Python (FastAPI) services with
// routers, models and services; an Express API; a React front end. Mostly clean code with a
// sprinkling of the mistakes PHI Guard exists for, so both the quiet path and the reporting
// path are measured. Same seed and size -> byte-identical tree.
import { mkdirSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const GENERATOR_VERSION = 4;

function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

const RESOURCES = ['patient', 'encounter', 'prescription', 'lab', 'claim', 'appointment', 'clinic', 'provider', 'invoice', 'referral'];
const CLEAN_FIELDS = ['id', 'status', 'created_at', 'clinic_id', 'visit_count', 'is_active'];
const PHI_FIELDS = ['first_name', 'last_name', 'date_of_birth', 'ssn', 'diagnosis', 'email', 'phone_number', 'address'];

function pythonRouter(rand, resource, index) {
  const Model = resource[0].toUpperCase() + resource.slice(1);
  const lines = [
    'import logging',
    '',
    'from fastapi import APIRouter, Depends, HTTPException',
    '',
    'from app.db import session_dep',
    `from app.models import ${Model}`,
    'from app.security.audit import phi_access',
    `from app.services.${resource}_service_${index} import record_${resource}_${index}`,
    '',
    'logger = logging.getLogger(__name__)',
    `router = APIRouter(prefix="/${resource}s")`,
    '',
  ];
  for (let i = 0; i < 12; i++) {
    const leak = rand() < 0.08;
    const field = leak ? PHI_FIELDS[Math.floor(rand() * PHI_FIELDS.length)] : CLEAN_FIELDS[Math.floor(rand() * CLEAN_FIELDS.length)];
    lines.push(
      '',
      `@router.get("/{item_id}/view${i}")`,
      `@phi_access(action="read", data_category="clinical", roles=["clinician"])`,
      `def view_${index}_${i}(item_id: str, db=Depends(session_dep)):`,
      `    item = db.get(${Model}, item_id)`,
      '    if item is None:',
      `        raise HTTPException(status_code=404, detail="${resource} not found")`,
      `    logger.info("loaded ${resource} %s", item.id)`,
      `    logger.debug("${resource} field %s", item.${field})`,
      // A call into a helper in another module (it logs its argument): the workspace index's work.
      `    record_${resource}_${index}(item.${crossFileField(index, i)})`,
      '    total = 0',
      '    for step in range(3):',
      '        total += step',
      `    logger.info("computed %d for %s", total, item.id)`,
      '    return {"id": item.id, "status": item.status, "total": total}',
    );
  }
  return lines.join('\n') + '\n';
}

/** The field a generated caller passes to a helper in another file: now and then PHI (no rand(): the rest of the tree stays as before). */
function crossFileField(index, i) {
  return (index * 7 + i) % 23 === 0 ? PHI_FIELDS[(index + i) % PHI_FIELDS.length] : CLEAN_FIELDS[(index + i) % CLEAN_FIELDS.length];
}

function pythonService(rand, resource, index) {
  const lines = ['import structlog', '', 'log = structlog.get_logger()', '', '', `def record_${resource}_${index}(value):`, '    log.info("recorded", value=value)', ''];
  for (let i = 0; i < 15; i++) {
    const leak = rand() < 0.05;
    lines.push(
      '',
      `def process_${resource}_${index}_${i}(record, options=None):`,
      '    """Normalise a record before it is stored."""',
      '    options = options or {}',
      '    result = {}',
      '    for key, value in record.items():',
      '        if value is None:',
      '            continue',
      '        result[key] = str(value).strip()',
      `    log.info("normalised", record_id=record.get("id"), keys=len(result))`,
      leak ? `    log.info("normalised", ssn=record.get("ssn"))` : '    log.debug("options", count=len(options))',
      '    return result',
    );
  }
  return lines.join('\n') + '\n';
}

function pythonModels(rand, index) {
  const lines = [
    'from sqlalchemy import Column, Date, Integer, String',
    'from sqlalchemy.orm import declarative_base',
    'from sqlalchemy_utils import StringEncryptedType',
    '',
    'from app.keys import FIELD_KEY',
    '',
    'Base = declarative_base()',
  ];
  for (let i = 0; i < 6; i++) {
    lines.push(
      '',
      '',
      `class Record${index}x${i}(Base):`,
      `    __tablename__ = "records_${index}_${i}"`,
      '    id = Column(Integer, primary_key=True)',
      '    status = Column(String(20))',
      '    created_at = Column(Date)',
      rand() < 0.2 ? '    ssn = Column(String(11))' : '    ssn = Column(StringEncryptedType(String, FIELD_KEY))',
      '    clinic_id = Column(Integer)',
    );
  }
  return lines.join('\n') + '\n';
}

function camel(name) {
  return name.replace(/_(\w)/g, (_, c) => c.toUpperCase());
}

/** A helper module the routes call into (another file): it logs what it is given. */
function trailModule(index) {
  return ["import pino from 'pino';", '', 'const log = pino();', '', `export function trail${index}(value: unknown): void {`, "  log.info({ value }, 'trail');", '}', ''].join('\n');
}

function expressRoutes(rand, resource, index) {
  const lines = [
    "import { Router } from 'express';",
    "import pino from 'pino';",
    "import { phiAccess } from '../security/phi-access';",
    `import { trail${index} } from '../lib/trail${index}';`,
    '',
    'const log = pino();',
    'export const router = Router();',
  ];
  for (let i = 0; i < 10; i++) {
    const leak = rand() < 0.08;
    lines.push(
      '',
      `router.get('/${resource}s/:id/part${i}', phiAccess({ action: 'read', dataCategory: 'clinical', roles: ['clinician'] }), async (req, res) => {`,
      `  const item = await load${index}x${i}(req.params.id);`,
      "  if (!item) return res.status(404).json({ error: 'not found' });",
      `  log.info({ id: item.id, part: ${i} }, 'loaded');`,
      `  trail${index}(item.${camel(crossFileField(index, i))});`,
      leak ? '  console.log(`loaded ${item.firstName}`);' : "  console.log('loaded', item.id);",
      '  const summary = { id: item.id, status: item.status, count: item.items.length };',
      '  res.json(summary);',
      '});',
      '',
      `async function load${index}x${i}(id: string): Promise<any> {`,
      '  return { id, status: "ok", items: [] };',
      '}',
    );
  }
  return lines.join('\n') + '\n';
}

function reactComponent(rand, index) {
  const leak = rand() < 0.1;
  return [
    "import React, { useEffect, useState } from 'react';",
    '',
    `export function Panel${index}({ recordId }: { recordId: string }) {`,
    '  const [rows, setRows] = useState<any[]>([]);',
    '  useEffect(() => {',
    "    fetch(`/api/rows/${recordId}`).then((r) => r.json()).then((data) => setRows(data));",
    '  }, [recordId]);',
    leak ? '  console.log(rows.map((p) => p.lastName));' : "  console.debug('rows', rows.length);",
    '  return (',
    '    <table>',
    '      <tbody>',
    '        {rows.map((row) => (',
    '          <tr key={row.id}>',
    '            <td>{row.id}</td>',
    '            <td>{row.status}</td>',
    '          </tr>',
    '        ))}',
    '      </tbody>',
    '    </table>',
    '  );',
    '}',
    '',
  ].join('\n');
}

/** A CSV export of generated patients (data files are scanned by phi-literal, so the bench times them too). */
function patientsCsv(rand, index) {
  const rows = ['id,first_name,last_name,ssn,dob,phone,email,zip'];
  for (let row = 0; row < 200; row++) {
    const n = Math.floor(rand() * 1000);
    rows.push(`${index * 1000 + row},Jane${n},Doe${n},999-${String(10 + (n % 89)).padStart(2, '0')}-${String(1000 + n).slice(-4)},1970-01-01,555-01${String(n % 100).padStart(2, '0')},jane${n}@example.org,00000`);
  }
  return `${rows.join('\n')}\n`;
}

/** A FHIR bundle of generated patients, as a Synthea export looks. */
function fhirBundle(rand, index) {
  const entry = Array.from({ length: 20 }, (_, i) => ({
    resource: {
      resourceType: 'Patient',
      id: `p-${index}-${i}`,
      name: [{ family: `Doe${Math.floor(rand() * 1000)}`, given: [`Jane${i}`] }],
      birthDate: '1970-01-01',
      telecom: [{ system: 'phone', value: '555-0100' }],
    },
  }));
  return `${JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry }, null, 2)}\n`;
}

/** Writes a tree of about `targetLines` lines under `dir`; returns { files, lines }. */
export function generate(dir, targetLines, seed = 42) {
  const stamp = path.join(dir, '.generated.json');
  const want = { version: GENERATOR_VERSION, targetLines, seed };
  if (existsSync(stamp)) {
    const have = JSON.parse(readFileSync(stamp, 'utf8'));
    if (have.version === want.version && have.targetLines === targetLines && have.seed === seed) return have;
  }
  rmSync(dir, { recursive: true, force: true });
  const rand = prng(seed);
  let lines = 0;
  let files = 0;
  let index = 0;
  const write = (file, text) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    lines += text.split('\n').length - 1;
    files++;
  };
  while (lines < targetLines) {
    const service = `services/svc${Math.floor(index / 20)}`;
    const resource = RESOURCES[index % RESOURCES.length];
    write(path.join(dir, service, `app/routers/${resource}_${index}.py`), pythonRouter(rand, resource, index));
    write(path.join(dir, service, `app/services/${resource}_service_${index}.py`), pythonService(rand, resource, index));
    if (index % 3 === 0) write(path.join(dir, service, `app/models_${index}.py`), pythonModels(rand, index));
    write(path.join(dir, `web/server/routes/${resource}${index}.ts`), expressRoutes(rand, resource, index));
    write(path.join(dir, `web/server/lib/trail${index}.ts`), trailModule(index));
    write(path.join(dir, `web/src/components/Panel${index}.tsx`), reactComponent(rand, index));
    if (index % 10 === 0) {
      write(path.join(dir, service, `tests/data/patients_${index}.csv`), patientsCsv(rand, index));
      write(path.join(dir, service, `tests/data/bundle_${index}.json`), fhirBundle(rand, index));
    }
    index++;
  }
  const result = { ...want, files, lines };
  writeFileSync(stamp, JSON.stringify(result));
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, size] = process.argv.slice(2);
  console.log(generate(dir, Number(size)));
}
