# Inside a branch that tests a dict loop's key, the value is what the dict holds under that key:
# under a key named as an id it is an id, logged with the medication record's id. Under a key
# naming PHI, or with no test at all, the value is still reported.
import logging

logger = logging.getLogger(__name__)


def update_medication(medication_id, medication_data):
    update_fields = medication_data.model_dump(exclude_unset=True)
    new_prescription_list_id = None
    for key, value in update_fields.items():
        if key == "PrescriptionListId":
            new_prescription_list_id = value
            logger.info(f"PrescriptionListId changing to {new_prescription_list_id} for {medication_id}")
        if key == "Diagnosis":
            logger.info(f"Diagnosis changing to for {medication_id}")
        logger.info("patient record")
