"""Audit Coverage fixture (test/e2e): one audited endpoint, one that is not."""

from fastapi import APIRouter, Depends

from app.db import session_dep
from app.models import LabResult, Patient
from app.security.audit import phi_access

router = APIRouter(prefix="/api")


@router.get("/patients/{pid}")
@phi_access(action="read", data_category="demographics", roles=["clinician"])
def get_patient(pid: str, db=Depends(session_dep)):
    return db.get(Patient, pid)


@router.get("/patients/{pid}/labs")
def get_labs(pid: str, db=Depends(session_dep)):
    return db.query(LabResult).filter(LabResult.patient_id == pid).all()
