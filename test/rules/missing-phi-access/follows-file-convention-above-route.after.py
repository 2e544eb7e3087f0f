from flask import Flask
from app.security.audit import phi_access
app = Flask(__name__)
@phi_access(action="read", data_category="demographics", roles=["clinician"])
@app.get("/patients/<pid>")
def one(pid): ...
@phi_access(action="delete", data_category="demographics", roles=["clinician", "billing"])
@app.delete("/patients/<pid>")
@login_required
def remove(pid): ...
