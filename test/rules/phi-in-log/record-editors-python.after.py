import logging

from flask import request
from flask_login import current_user

from app.models import Patient, User, UserClinicAssociation

LOG = logging.getLogger(__name__)


def log_users_activity():
    # Flask-Login's signed-in account of a clinical back end is a member of staff.
    user = current_user.email if current_user.is_authenticated else "anonymous"
    LOG.info(" - ".join([user, request.path]))


def last_editor(db, record):
    # A query on the users, or on a user's membership of the clinic, returns staff rows.
    editor = db.query(User).filter(User.id == record.updated_by_user_id).first()
    LOG.info("edited by %s", editor.email)
    assoc = db.query(UserClinicAssociation).filter(UserClinicAssociation.user_id == record.updated_by_user_id).first()
    LOG.info("edited by %s", assoc.full_name)
    patient = db.query(Patient).filter(Patient.id == record.patient_id).first()
    LOG.info("record of", extra={"patient_id": patient.id})
