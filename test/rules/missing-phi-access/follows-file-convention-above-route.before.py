from flask import Flask
from app.security.audit import phi_access
app = Flask(__name__)
@phi_access(action="read", data_category="demographics", roles=["clinician"])
@app.get("/patients/<pid>")
def one(pid): ...
@app.delete("/patients/<pid>")  # expect: missing-phi-access
@login_required
def remove(pid): ...
