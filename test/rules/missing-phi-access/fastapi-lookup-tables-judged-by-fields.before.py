from datetime import datetime

from fastapi import APIRouter, Depends
from pydantic import BaseModel
from sqlalchemy import Column, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import relationship

from app.database import Base, get_db
from app.models.mixins import TimestampMixin

router = APIRouter()


class PatientProblemList(Base):
    """A catalogue of problem names: patients' problems point at it."""

    __tablename__ = "PATIENT_PROBLEM_LIST"

    Id = Column(Integer, primary_key=True, index=True)
    ProblemName = Column(String(255), nullable=False)
    IsDeleted = Column(String(1), default="0", nullable=False)
    CreatedDate = Column(DateTime, nullable=False, default=datetime.now)
    CreatedByID = Column(String(450), nullable=False)

    problems = relationship(
        "PatientProblem",
        back_populates="problem_list",
    )


class AllergyTypeBase(BaseModel):
    Value: str


class AllergyType(AllergyTypeBase):
    AllergyTypeID: int
    ModifiedById: str


class PatientAllergy(Base):
    __tablename__ = "PATIENT_ALLERGY"

    Id = Column(Integer, primary_key=True, index=True)
    PatientId = Column(Integer, ForeignKey("PATIENT.Id"), nullable=False)
    AllergyTypeID = Column(Integer, ForeignKey("ALLERGY_TYPE.AllergyTypeID"))
    Remarks = Column(String(255))


class PatientDietList(TimestampMixin, Base):
    __tablename__ = "PATIENT_DIET_LIST"

    Id = Column(Integer, primary_key=True, index=True)
    Value = Column(String(255))


class PatientAllergyUpdate(BaseModel):
    AllergyTypeID: int
    AllergyRemarks: str


@router.get("/ProblemList")
def get_problem_lists(db=Depends(get_db)):
    return db.query(PatientProblemList).all()


@router.get("/allergy_types/{allergy_type_id}", response_model=AllergyType)
def get_allergy_type(allergy_type_id: int, db=Depends(get_db)):
    return db.query(AllergyType).get(allergy_type_id)


@router.get("/patients/{patient_id}/ProblemList")  # expect: missing-phi-access
def get_patient_problem_lists(patient_id: int, db=Depends(get_db)):
    return db.query(PatientProblemList).filter_by(PatientId=patient_id).all()


@router.get("/allergies/{allergy_id}")  # expect: missing-phi-access
def get_allergy(allergy_id: int, db=Depends(get_db)):
    return db.query(PatientAllergy).get(allergy_id)


@router.put("/allergies/{allergy_id}")  # expect: missing-phi-access
def update_allergy(allergy_id: int, allergy: PatientAllergyUpdate, db=Depends(get_db)):
    return save_allergy(db, allergy_id, allergy)


@router.get("/DietList")  # expect: missing-phi-access
def get_diet_lists(db=Depends(get_db)):
    return db.query(PatientDietList).all()
