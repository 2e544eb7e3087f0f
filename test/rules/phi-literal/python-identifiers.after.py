"""Seed data for the intake tests."""

INTAKE_PATIENT = {
    "name": "Jane123 Doe456",
    "ssn": "987-65-4320",
    "date_of_birth": "1970-01-01",
    "mrn": "A0000000",
    "email": "patient@example.org",
    "phone": "(617) 555-0100",
    "created_at": "2024-03-01T10:00:00Z",
}

BARE_SSN = "987-65-4320"
MEDICARE = {"mbi": "1EG4-TE5-MK73"}
UK_PATIENT = {"nhs_number": "999 999 9999"}

# Look-alikes: never PHI.
INVALID_SSNS = ["000-12-3456", "666-12-3456", "912-34-5678", "471-00-3390", "471-28-0000"]
WELL_KNOWN_SSNS = ["123-45-6789", "078-05-1120"]
ORDER = {"order_number": "471-28-3391", "invoice_id": "523-41-7782", "created_at": "2024-03-01T10:00:00Z"}
PROVIDER = {"name": "Gregory House", "npi": "1234567893", "dea": "AB1234563", "phone": "(617) 867-2000"}
CLINIC = {"name": "Northside Clinic", "phone": "(617) 555-2368", "email": "frontdesk@northside-clinic.org"}
UK_TEST = {"nhs_number": "943 476 5919", "nhs_no": "485 777 3456"}
CMS_EXAMPLE = {"mbi": "1EG4-TE5-MK73"}
ADMINS = [("Ops", "ops@clinic.org")]
DEFAULT_FROM_EMAIL = "no-reply@clinic.org"
