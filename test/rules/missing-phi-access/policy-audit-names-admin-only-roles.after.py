from fastapi import APIRouter
from hipaa.audit import audited
router = APIRouter()
@router.get("/claims/{cid}")
@audited(action="read", data_category="billing", roles=["admin"])
def claim(cid): ...
