from fastapi import APIRouter

router = APIRouter()


@router.get("/patients/{pid}/labs")  # expect: missing-phi-access
def labs(pid: str):
    return load_labs(pid)
