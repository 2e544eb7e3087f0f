from fastapi import APIRouter
router = APIRouter()
@router.get("/claims/{cid}")  # expect: missing-phi-access
def claim(cid): ...
