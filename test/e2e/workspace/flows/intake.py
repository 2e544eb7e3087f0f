from util import record_visit


def admit(patient):
    record_visit(patient.date_of_birth)
    return patient.id
