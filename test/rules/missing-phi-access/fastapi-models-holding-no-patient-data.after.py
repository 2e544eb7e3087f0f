from decimal import Decimal
from typing import Optional

from django.db import models
from fastapi import APIRouter, Depends
from sqlalchemy import Column, ForeignKey, Integer, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.crud import patient_list_language_crud
from app.database import Base, get_db
from app.services import BillingScenarioService, InvoiceService
from app.security.audit import phi_access

router = APIRouter()


class BillingScenario(Base):
    """A practitioner's price for a service: what the clinic charges, for no one in particular."""

    __tablename__ = "billing_scenarios"

    id: Mapped[int] = mapped_column(primary_key=True, index=True)
    """The scenario's key."""

    practitioner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    appointment_type_id: Mapped[int] = mapped_column(ForeignKey("appointment_types.id"))
    clinic_id: Mapped[int] = mapped_column(ForeignKey("clinics.id"))
    name: Mapped[str] = mapped_column(String(255))
    amount: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    is_deleted: Mapped[bool] = mapped_column(default=False)

    practitioner = relationship("User")
    appointment_type = relationship("AppointmentType")


class Invoice(Base):
    """A patient's invoice: the same amounts, owed by someone."""

    __tablename__ = "invoices"

    id: Mapped[int] = mapped_column(primary_key=True, index=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"))
    amount: Mapped[Decimal] = mapped_column(Numeric(10, 2))


class BillingNote(Base):
    """Notes on a visit's billing: linked to the visit, a patient's record."""

    __tablename__ = "billing_notes"

    id: Mapped[int] = mapped_column(primary_key=True, index=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"))
    text: Mapped[Optional[str]] = mapped_column(String(2000))


class PatientListLanguage(Base):
    """The languages a patient's record may name: a list of values, its key read by the route."""

    __tablename__ = "PATIENT_LIST_LANGUAGE"

    id = Column(Integer, primary_key=True, index=True)
    value = Column(String(255), unique=True, nullable=False)


class BillingFeeSchedule(models.Model):
    """A Django model of the clinic's fees, by kind of visit."""

    name = models.CharField(max_length=120)
    price = models.DecimalField(max_digits=10, decimal_places=2)
    visit_type = models.ForeignKey("clinic.VisitType", on_delete=models.CASCADE)
    created_by = models.ForeignKey("auth.User", on_delete=models.SET_NULL, null=True)


class BillingPayment(models.Model):
    """A Django model of what a patient paid."""

    patient = models.ForeignKey("clinic.Patient", on_delete=models.CASCADE)
    amount = models.DecimalField(max_digits=10, decimal_places=2)


@router.get("/service-items/{item_id}/scenarios")
def get_service_item_prices(item_id: int, db=Depends(get_db)):
    return db.query(BillingScenario).filter(BillingScenario.appointment_type_id == item_id).all()


@router.delete("/billing-scenarios/{scenario_id}")
def delete_billing_scenario(scenario_id: int, db=Depends(get_db)):
    scenario = BillingScenarioService.get_billing_scenario_by_id(db, scenario_id)
    BillingScenarioService.delete_billing_scenario(db, scenario)
    return {"deleted": True}


@router.get("/invoices/{invoice_id}")
@phi_access(action="read", data_category="billing", roles=["billing"])
def get_invoice(invoice_id: int, db=Depends(get_db)):
    return db.query(Invoice).filter(Invoice.id == invoice_id).first()


@router.delete("/invoices/{invoice_id}")
@phi_access(action="delete", data_category="billing", roles=["billing"])
def delete_invoice(invoice_id: int, db=Depends(get_db)):
    invoice = InvoiceService.get_invoice_by_id(db, invoice_id)
    InvoiceService.delete_invoice(db, invoice)
    return {"deleted": True}


@router.get("/billing-notes")
@phi_access(action="read", data_category="clinical", roles=["clinician"])
def list_billing_notes(db=Depends(get_db)):
    return db.query(BillingNote).all()


@router.get("/billing-fee-schedules")
def list_fee_schedules():
    return list(BillingFeeSchedule.objects.all())


@router.get("/billing-payments")
@phi_access(action="read", data_category="billing", roles=["billing"])
def list_payments():
    return list(BillingPayment.objects.all())


@router.get("/PatientListLanguage/{patient_list_language_id}")
def get_patient_list_language(patient_list_language_id: int, db=Depends(get_db)):
    return patient_list_language_crud.get_patient_list_language(db, patient_list_language_id)


@router.get("/PatientListLanguage/by-patient/{patient_id}")
@phi_access(action="read", data_category="demographics", roles=["clinician", "billing"])
def get_languages_of_patient(patient_id: int, db=Depends(get_db)):
    return patient_list_language_crud.get_by_patient(db, patient_id)
