from app.security.audit import phi_access
@router.delete("/claims/{cid}")  # expect: phi-access-mismatch
@phi_access
def rm(cid): ...
