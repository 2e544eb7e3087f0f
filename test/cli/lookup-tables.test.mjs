// Endpoints over lookup tables (docs/rules/missing-phi-access.md, "Lookup tables judged by their
// fields"): a catalogue named after patient data (`PatientProblemList`, `AllergyType`) whose model
// and schema, in other modules, hold an id, a value and bookkeeping columns and no link to a
// patient serves no patient. Beside them, what stays reported: a mapping row with a patient key,
// the same table read for one patient, and a model whose base is in another module (its fields are
// unknown). An update schema whose only link is a key named after the lookup (`ProblemListId`, no
// model of that name in sight) and a free-text remark is judged by its models (patient-level-models.ts):
// it holds no patient's data by what is in sight, so that route is quiet.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingLines, tempProject } from './run-cli.mjs';

const missing = (cwd, jobs) => findingLines(cwd, 'missing-phi-access', jobs);

const lines = (...text) => [...text, ''].join('\n');

const files = {
  'app/models/problem_list.py': lines(
    'from sqlalchemy import Column, DateTime, Integer, String',
    'from sqlalchemy.orm import relationship',
    'from app.database import Base',
    '',
    'class PatientProblemList(Base):',
    '    __tablename__ = "PATIENT_PROBLEM_LIST"',
    '    Id = Column(Integer, primary_key=True)',
    '    ProblemName = Column(String(255), nullable=False)',
    '    IsDeleted = Column(String(1), default="0")',
    '    ModifiedDate = Column(DateTime)',
    '    problems = relationship("PatientProblem", back_populates="problem_list")',
  ),
  'app/models/allergy.py': lines(
    'from sqlalchemy import Column, ForeignKey, Integer, String',
    'from app.database import Base',
    'from app.models.mixins import AuditedBase',
    '',
    'class PatientAllergy(Base):',
    '    __tablename__ = "PATIENT_ALLERGY"',
    '    Id = Column(Integer, primary_key=True)',
    '    PatientId = Column(Integer, ForeignKey("PATIENT.Id"))',
    '    Remarks = Column(String(255))',
    '',
    'class PatientAllergyNote(AuditedBase):',
    '    Value = Column(String(255))',
  ),
  'app/schemas/problem_list.py': lines(
    'from pydantic import BaseModel',
    '',
    'class PatientProblemListBase(BaseModel):',
    '    ProblemName: str',
    '',
    'class PatientProblemListCreate(PatientProblemListBase):',
    '    pass',
    '',
    'class PatientProblemList(PatientProblemListBase):',
    '    Id: int',
    '    CreatedById: str',
    '',
    'class PatientProblemUpdate(BaseModel):',
    '    ProblemListId: int',
    '    Remarks: str',
  ),
  'app/routers/problem_lists.py': lines(
    'from fastapi import APIRouter, Depends',
    'from app.crud import problem_list_crud as crud_problem_list',
    'from app.models.allergy import PatientAllergy, PatientAllergyNote',
    'from app.schemas.problem_list import PatientProblemList, PatientProblemListCreate, PatientProblemUpdate',
    '',
    'router = APIRouter()',
    '',
    '@router.get("/ProblemList", response_model=list[PatientProblemList])',
    'def get_problem_lists(db=Depends(get_db)):',
    '    return crud_problem_list.get_problem_lists(db)',
    '',
    '@router.post("/ProblemList/add", response_model=PatientProblemList)',
    'def create_problem_list(problem_list: PatientProblemListCreate, db=Depends(get_db)):',
    '    return crud_problem_list.create_problem_list(db, problem_list)',
    '',
    '@router.get("/patients/{patient_id}/ProblemList", response_model=list[PatientProblemList])',
    'def get_patient_problem_lists(patient_id: int, db=Depends(get_db)):',
    '    return crud_problem_list.get_for_patient(db, patient_id)',
    '',
    '@router.put("/Problems/update/{problem_id}")',
    'def update_problem(problem_id: int, problem: PatientProblemUpdate, db=Depends(get_db)):',
    '    return crud_problem_list.update_problem(db, problem_id, problem)',
    '',
    '@router.get("/Allergies/{allergy_id}")',
    'def get_allergy(allergy_id: int, db=Depends(get_db)):',
    '    return db.query(PatientAllergy).get(allergy_id)',
    '',
    '@router.get("/AllergyNotes")',
    'def get_allergy_notes(db=Depends(get_db)):',
    '    return db.query(PatientAllergyNote).all()',
  ),
};

test('a lookup table named after patient data is quiet when its models in other modules hold no patient link and no PHI', () => {
  const cwd = tempProject('lookup-tables', files);
  const expected = ['app/routers/problem_lists.py:16', 'app/routers/problem_lists.py:24', 'app/routers/problem_lists.py:28'];
  assert.deepEqual(missing(cwd), expected);
  assert.deepEqual(missing(cwd, '2'), expected, 'worker threads see the other modules too');
});

test('the same routes are reported when a definition of the model holds a patient key', () => {
  const linked = {
    ...files,
    'app/models/problem_list.py': files['app/models/problem_list.py'].replace('    ProblemName =', '    PatientId = Column(Integer, ForeignKey("PATIENT.Id"))\n    ProblemName ='),
  };
  const cwd = tempProject('lookup-tables-linked', linked);
  assert.deepEqual(missing(cwd), ['app/routers/problem_lists.py:16', 'app/routers/problem_lists.py:24', 'app/routers/problem_lists.py:28', 'app/routers/problem_lists.py:8', 'app/routers/problem_lists.py:12'].sort());
});
