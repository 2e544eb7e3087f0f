import enum
from datetime import datetime

from fastapi import APIRouter, Depends
from sqlalchemy import Boolean, Column, DateTime, Enum, ForeignKey, Integer, String
from sqlalchemy.orm import relationship

from app.database import Base, get_db
from app.security.audit import phi_access

router = APIRouter()


class PrivacyStatus(enum.Enum):
    LOW = 1
    HIGH = 2


class PatientPrivacyLevel(Base):
    """Who may see a patient's sensitive history: the patient's key and an access level."""

    __tablename__ = "PRIVACY_LEVEL_SETTING"

    patientId = Column(Integer, ForeignKey("PATIENT.id"), primary_key=True)
    active = Column(Boolean, default=True, nullable=False)
    accessLevelSensitive = Column(Enum(PrivacyStatus), nullable=False)
    createdDate = Column(DateTime, default=datetime.now)
    createdById = Column(String(255))
    patient = relationship("Patient", back_populates="privacy")


class PatientPrivacyNote(Base):
    __tablename__ = "PRIVACY_NOTE"

    id = Column(Integer, primary_key=True)
    patientId = Column(Integer, ForeignKey("PATIENT.id"))
    diagnosis = Column(String(255))  # expect: unencrypted-phi-field


class PatientAllocation(Base):
    __tablename__ = "PATIENT_ALLOCATION"

    id = Column(Integer, primary_key=True)
    patientId = Column(Integer, ForeignKey("PATIENT.id"))
    doctorId = Column(String(255))
    active = Column(Boolean, default=True)


@router.get("/privacy_levels_patient/")
def read_privacy_levels(skip: int = 0, limit: int = 10, db=Depends(get_db)):
    return db.query(PatientPrivacyLevel).offset(skip).limit(limit).all()


@router.get("/privacy_level_patient/{patient_id}")
@phi_access(action="read", data_category="demographics", roles=["clinician", "billing"])
def read_privacy_level(patient_id: int, db=Depends(get_db)):
    return db.query(PatientPrivacyLevel).filter(PatientPrivacyLevel.patientId == patient_id).first()


@router.get("/privacy_entries/")
@phi_access(action="read", data_category="demographics", roles=["clinician", "billing"])
def read_privacy_entries(db=Depends(get_db)):
    return db.query(PatientPrivacyNote).all()


@router.get("/allocations/")
@phi_access(action="read", data_category="demographics", roles=["clinician", "billing"])
def read_allocations(db=Depends(get_db)):
    return db.query(PatientAllocation).all()
