# The signed-in patient's own id, resolved by a dependency from the session, is not a request naming
# a patient: alone it is no evidence of patient data. Asked for in the query, it is; and what the
# handler reads with the caller's own id (their chart) still touches PHI.
from uuid import UUID
from fastapi import APIRouter, Depends, Query
from app.auth import current_patient_id, get_current_patient
from app.services import ChatService, PatientService

router = APIRouter()


@router.get("/sessions/my")
async def search_my_sessions(
    status: str = Query(default="open"),
    patient_id: str | None = Depends(current_patient_id),
):
    rows = await ChatService.list_my_sessions(patient_id=UUID(patient_id), status=status)
    return {"items": [{"session_id": r["id"], "status": r["status"]} for r in rows]}


@router.get("/sessions/of")  # expect: missing-phi-access
async def search_sessions_of(patient_id: str = Query(...)):
    rows = await ChatService.list_my_sessions(patient_id=UUID(patient_id))
    return {"items": [{"session_id": r["id"], "status": r["status"]} for r in rows]}


@router.get("/me/chart")  # expect: missing-phi-access
async def my_chart(patient_id: str = Depends(current_patient_id)):
    chart = await PatientService.get_patient_chart(patient_id)
    return chart
