"""Persistence models of the clinic service."""
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base, relationship
from sqlalchemy_utils import StringEncryptedType

from app.config import FIELD_KEY

Base = declarative_base()


class Clinic(Base):
    __tablename__ = "clinics"
    id = Column(Integer, primary_key=True)
    name = Column(String(120), nullable=False)


class Patient(Base):
    __tablename__ = "patients"
    id = Column(Integer, primary_key=True)
    clinic_id = Column(Integer, ForeignKey("clinics.id"), nullable=False)
    name = Column(String(160), nullable=False)
    dob = Column(String(10), nullable=False)  # ISO date, as the EHR export sends it
    mrn = Column(String(20), unique=True, nullable=False)
    ssn = Column(String(11))
    insurance_id = Column(String(40))
    diagnosis = Column(StringEncryptedType(String, FIELD_KEY))

    clinic = relationship("Clinic")


class Prescription(Base):
    __tablename__ = "prescriptions"
    id = Column(Integer, primary_key=True)
    patient_id = Column(Integer, ForeignKey("patients.id"), nullable=False)
    medication = Column(String(120), nullable=False)
    dosage = Column(String(60), nullable=False)
