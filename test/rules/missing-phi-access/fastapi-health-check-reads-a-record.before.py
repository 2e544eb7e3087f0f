# A health check reads a record only to prove the database answers, and returns flags: it serves no
# patient. A route ending in "health" that addresses a patient, or takes a patient's key, is a
# patient's health data and stays reported.
from datetime import datetime, timedelta
from fastapi import APIRouter, Depends
from sqlalchemy import text
from app.db import get_db
from app.models import Patient

router = APIRouter(prefix="/integrity")


@router.get("/health")
async def integrity_health_check(db=Depends(get_db)):
    db.execute(text("SELECT 1"))
    recent_patient = db.query(Patient).filter(Patient.modifiedDate >= datetime.now() - timedelta(hours=24)).first()
    return {"status": "healthy", "recent_data_available": recent_patient is not None}


@router.get("/patients/{patient_id}/health")  # expect: missing-phi-access
async def patient_health(patient_id: int, db=Depends(get_db)):
    return db.query(Patient).filter(Patient.id == patient_id).first()


@router.get("/ping")  # expect: missing-phi-access
async def ping_patient(patient_id: int, db=Depends(get_db)):
    return db.query(Patient).filter(Patient.id == patient_id).first()
