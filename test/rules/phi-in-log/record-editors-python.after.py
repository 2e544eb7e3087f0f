import logging

from app.models import Patient, User, UserClinicAssociation

LOG = logging.getLogger(__name__)


def last_editor(db, record):
    # A query on the users, or on a user's membership of the clinic, returns staff rows.
    editor = db.query(User).filter(User.id == record.updated_by_user_id).first()
    LOG.info("edited by %s", editor.email)
    assoc = db.query(UserClinicAssociation).filter(UserClinicAssociation.user_id == record.updated_by_user_id).first()
    LOG.info("edited by %s", assoc.full_name)
    patient = db.query(Patient).filter(Patient.id == record.patient_id).first()
    LOG.info("record of", extra={"patient_id": patient.id})
