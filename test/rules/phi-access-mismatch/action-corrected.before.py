from app.security.audit import phi_access
@router.put("/patients/{pid}")  # expect: phi-access-mismatch
@phi_access(action="read", data_category="demographics", roles=["clinician"])
def put(pid): ...
