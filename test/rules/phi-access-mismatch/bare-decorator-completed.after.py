from app.security.audit import phi_access
@router.delete("/claims/{cid}")
@phi_access(action="delete", data_category="billing", roles=["billing"])
def rm(cid): ...
