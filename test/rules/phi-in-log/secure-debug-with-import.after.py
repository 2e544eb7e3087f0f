import logging
from app.security.debug import phi_debug

def f(patient):
    phi_debug("x %s", patient.ssn)
