import analytics

def track(patient):
    analytics.track(patient.id, "Visit booked", {"email": patient.email, "clinic": "north"})  # expect: phi-to-third-party
