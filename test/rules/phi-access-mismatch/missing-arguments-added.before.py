from app.security.audit import phi_access
@router.get("/patients/{pid}/rx")  # expect: phi-access-mismatch
@phi_access(action="read")
def rx(pid): ...
