from fastapi import APIRouter
from app.security.audit import phi_access

router = APIRouter()


@router.get("/patients/{pid}/labs")
@phi_access(action="read", data_category="clinical", roles=["clinician"])
def labs(pid: str):
    return load_labs(pid)
