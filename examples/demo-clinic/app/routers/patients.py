"""Patient endpoints of the clinic API."""
import logging

from fastapi import APIRouter, Depends, HTTPException, Request
from sqlalchemy.orm import Session

from app.db import get_db
from app.models import Clinic, Patient, Prescription
from app.security.audit import phi_access

logger = logging.getLogger(__name__)
erasure_log = logging.getLogger("audit.erasure")

router = APIRouter(prefix="/patients", tags=["patients"])


@router.get("")
@phi_access(action="read", data_category="demographics", roles=["clinician"])
async def list_patients(clinic_id: int, request: Request, db: Session = Depends(get_db)):
    clinic = db.get(Clinic, clinic_id)
    if clinic is None:
        raise HTTPException(status_code=404, detail="Clinic not found")
    patients = db.query(Patient).filter(Patient.clinic_id == clinic_id).all()
    logger.info("Listing patients for clinic %s: %d found", clinic.name, len(patients))
    return patients


@router.get("/{patient_id}")
@phi_access(action="read", data_category="demographics", roles=["clinician"])
async def read_patient(patient_id: int, request: Request, db: Session = Depends(get_db)):
    patient = db.get(Patient, patient_id)
    if patient is None:
        logger.warning("Patient lookup missed", extra={"patient_id": patient_id})
        raise HTTPException(status_code=404, detail="Patient not found")
    logger.info("Patient found: " + patient.name + ", DOB: " + patient.dob)
    return patient


@router.post("/{patient_id}/insurance/verify")
@phi_access(action="write", data_category="billing", roles=["billing"])
async def verify_insurance(patient_id: int, request: Request, db: Session = Depends(get_db)):
    patient = db.get(Patient, patient_id)
    if patient is None:
        raise HTTPException(status_code=404, detail="Patient not found")
    if not patient.insurance_id:
        raise HTTPException(status_code=422, detail=f"No insurance on file for {patient.name}")
    logger.info("Insurance verification queued", extra={"patient_id": patient.id})
    return {"patient_id": patient.id, "status": "queued"}


@router.get("/{patient_id}/prescriptions")
async def list_prescriptions(patient_id: int, db: Session = Depends(get_db)):
    prescriptions = db.query(Prescription).filter(Prescription.patient_id == patient_id).all()
    logger.info("Returned %d prescriptions", len(prescriptions), extra={"patient_id": patient_id})
    return prescriptions


@router.delete("/{patient_id}", status_code=204)
@phi_access(action="delete", data_category="demographics", roles=["admin"])
async def delete_patient(patient_id: int, request: Request, db: Session = Depends(get_db)):
    patient = db.get(Patient, patient_id)
    if patient is None:
        raise HTTPException(status_code=404, detail="Patient not found")
    # phi-guard: ignore[phi-in-log] -- records-retention reconciles erasures by MRN; audit.erasure writes only to the access-controlled audit store
    erasure_log.info("Erasing patient record, mrn=%s", patient.mrn)
    db.delete(patient)
    db.commit()
