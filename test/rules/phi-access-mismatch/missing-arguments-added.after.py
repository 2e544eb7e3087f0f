from app.security.audit import phi_access
@router.get("/patients/{pid}/rx")
@phi_access(action="read", data_category="clinical", roles=["clinician"])
def rx(pid): ...
