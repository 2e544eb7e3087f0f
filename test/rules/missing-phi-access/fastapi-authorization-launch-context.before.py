from typing import Optional

from fastapi import APIRouter, Depends, Form

from app.smart import AuthorizationServer, get_auth_server

router = APIRouter()


# The consent step records which patient the app is launched for: a key, nothing of theirs read.
@router.post("/api/smart/consent/{session_id}/approve")
async def approve_consent(
    session_id: str,
    patient_id: Optional[str] = Form(None),
    auth_server: AuthorizationServer = Depends(get_auth_server),
):
    redirect_url = auth_server.approve_authorization(session_id=session_id, patient_id=patient_id)
    return {"redirect_url": redirect_url}


@router.post("/api/smart/consent/{session_id}/preview")  # expect: missing-phi-access
async def preview_consent(
    session_id: str,
    patient_id: Optional[str] = Form(None),
    auth_server: AuthorizationServer = Depends(get_auth_server),
):
    return {"patient": auth_server.get_patient_summary(patient_id)}


@router.post("/api/sessions/{session_id}/approve")  # expect: missing-phi-access
async def approve_session(
    session_id: str,
    patient_id: Optional[str] = Form(None),
    auth_server: AuthorizationServer = Depends(get_auth_server),
):
    redirect_url = auth_server.approve_authorization(session_id=session_id, patient_id=patient_id)
    return {"redirect_url": redirect_url}
