from uuid import UUID

from fastapi import APIRouter

from app.bookings.services import get_booking_detail, get_nurse_note, search_doctors_for_booking
from app.security.audit import phi_access

router = APIRouter(prefix="/bookings")


# A clinic's booking is a patient's appointment: who comes, when, and why.
@router.get("/{booking_id}")
@phi_access(action="read", data_category="clinical", roles=["clinician"])
async def read_booking(booking_id: UUID):
    booking = await get_booking_detail(booking_id)
    return {"booking": booking}


# The doctors free for a slot: staff availability, no patient.
@router.get("/doctors/eligible")
async def check_doctors_eligible(service_id: UUID, day: str):
    doctors = await search_doctors_for_booking(service_id, day)
    return {"doctors": doctors}


# A nurse's notes are the patient's clinical notes, whoever wrote them.
@router.get("/nurse-notes/{note_id}")
@phi_access(action="read", data_category="clinical", roles=["clinician"])
async def read_nurse_note(note_id: UUID):
    return {"note": await get_nurse_note(note_id)}
