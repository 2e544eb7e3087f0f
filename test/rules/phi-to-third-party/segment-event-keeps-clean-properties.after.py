import analytics

def track(patient):
    analytics.track(patient.id, "Visit booked", {"clinic": "north", "patient_id": patient.id})
