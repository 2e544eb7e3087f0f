from typing import Optional
from uuid import UUID

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel
from sqlalchemy import Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.database import Base, get_db
from app.envelopes import SuccessEnvelope
from app.repositories import MasterDataRepository

router = APIRouter()


class PatientType(Base):
    """The kinds of patient a clinic keeps (walk-in, member, VIP): a catalogue."""

    __tablename__ = "patient_types"

    id: Mapped[UUID] = mapped_column(primary_key=True)
    type_name: Mapped[str] = mapped_column(String(255), nullable=False)
    description: Mapped[Optional[str]] = mapped_column(String(500), nullable=True)
    is_active: Mapped[bool] = mapped_column(Boolean, nullable=False)


class PatientTypeBase(BaseModel):
    type_name: str
    description: Optional[str] = None
    is_active: bool = True


class PatientTypeCreate(PatientTypeBase):
    pass


class PatientTypeUpdate(BaseModel):
    type_name: Optional[str] = None
    description: Optional[str] = None


class PatientTypeDTO(BaseModel):
    id: UUID
    type_name: Optional[str] = None
    description: Optional[str] = None


class PatientTypeSingleEnvelope(SuccessEnvelope):
    """A response wrapper on another module's base: its fields are out of sight."""

    data: PatientTypeDTO


class Allergy(Base):
    """The allergy master catalogue (drug, food, other): its entries' names, no patient."""

    __tablename__ = "allergies"

    id: Mapped[UUID] = mapped_column(primary_key=True)
    allergy_name: Mapped[str] = mapped_column(String(255), nullable=False)
    description: Mapped[Optional[str]] = mapped_column(String(500), nullable=True)


class AllergySingleEnvelope(SuccessEnvelope):
    data: dict


class PatientListEnvelope(SuccessEnvelope):
    data: list


class PatientTypeAssignment(Base):
    """Which kind each patient is: a patient's row."""

    __tablename__ = "patient_type_assignments"

    id: Mapped[UUID] = mapped_column(primary_key=True)
    patient_id: Mapped[UUID] = mapped_column(ForeignKey("patients.id"))
    patient_name: Mapped[str] = mapped_column(String(255))


class PatientTypeNote(BaseModel):
    patient_name: str
    description: Optional[str] = None


@router.post("/", response_model=PatientTypeSingleEnvelope)
async def create_patient_type(request: Request, payload: PatientTypeCreate, db=Depends(get_db)):
    repo = MasterDataRepository(db)
    obj = await repo.create(PatientType, payload.model_dump())
    return {"item": PatientTypeDTO.model_validate(obj).model_dump(exclude_none=True)}


@router.put("/{patient_type_id:uuid}")
async def update_patient_type(request: Request, patient_type_id: UUID, payload: PatientTypeUpdate, db=Depends(get_db)):
    repo = MasterDataRepository(db)
    obj = await repo.update_by_id(PatientType, patient_type_id, payload.model_dump(exclude_unset=True))
    return {"item": PatientTypeDTO.model_validate(obj).model_dump(exclude_none=True)}


@router.get("/allergies/{allergy_id:uuid}", response_model=AllergySingleEnvelope)
async def read_allergy(request: Request, allergy_id: UUID, db=Depends(get_db)):
    repo = MasterDataRepository(db)
    return {"item": await repo.get_by_id(Allergy, allergy_id)}


@router.post("/notes")  # expect: missing-phi-access
async def create_patient_type_note(request: Request, payload: PatientTypeNote, db=Depends(get_db)):
    repo = MasterDataRepository(db)
    obj = await repo.create(PatientTypeAssignment, payload.model_dump())
    return {"item": PatientTypeDTO.model_validate(obj).model_dump(exclude_none=True)}


@router.put("/{patient_id}/type")  # expect: missing-phi-access
async def set_patient_type(request: Request, patient_id: UUID, payload: PatientTypeUpdate, db=Depends(get_db)):
    repo = MasterDataRepository(db)
    obj = await repo.update_by_id(PatientType, patient_id, payload.model_dump(exclude_unset=True))
    return {"item": PatientTypeDTO.model_validate(obj).model_dump(exclude_none=True)}


@router.get("/{patient_type_id:uuid}/patients", response_model=PatientListEnvelope)  # expect: missing-phi-access
async def list_patients_of_type(request: Request, patient_type_id: UUID, db=Depends(get_db)):
    repo = MasterDataRepository(db)
    return {"items": await repo.list_by(PatientType, patient_type_id)}
