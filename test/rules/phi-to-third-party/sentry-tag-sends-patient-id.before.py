import sentry_sdk

def f(patient):
    sentry_sdk.set_tag("patient", patient.email)  # expect: phi-to-third-party
