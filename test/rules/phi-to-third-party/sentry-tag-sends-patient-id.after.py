import sentry_sdk

def f(patient):
    sentry_sdk.set_tag("patient", f"patient_id={patient.id}")
