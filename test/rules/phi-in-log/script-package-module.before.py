# A module of a scripts package inside the application (app/messaging/scripts/), importing its
# siblings relatively: a sync job logging through the application's logging, not a one-off script.
from .base_script import BaseScript


class PatientSyncScript(BaseScript):
    def process_patient(self, patient):
        self.logger.info(f"Emitted PATIENT_CREATED event for patient {patient.id} ({patient.name})")  # expect: phi-in-log
        self.logger.info(f"Emitted PATIENT_CREATED event for patient {patient.id}")
