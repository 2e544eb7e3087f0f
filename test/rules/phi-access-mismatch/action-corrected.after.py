from app.security.audit import phi_access
@router.put("/patients/{pid}")
@phi_access(action="write", data_category="demographics", roles=["clinician"])
def put(pid): ...
