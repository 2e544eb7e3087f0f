"""Generated and marked test data stays quiet; a real-looking value in tests/ does not."""

FAKE_PATIENT = {"name": "Maria Gonzalez", "ssn": "471-28-3390", "dob": "1961-04-17"}
SYNTHETIC_PATIENT = {
    "name": "Jane123 Doe456",
    "ssn": "123-45-6789",
    "phone": "555-0142",
    "email": "jane@example.org",
    "birth_date": "1970-01-01",
}
patient = {"name": "Jane123 Doe456", "given": "Maria456", "dummy_ssn": "471-28-3390", "ssn": "test-ssn"}
patient_record = {"mrn": "00000000", "member_id": "MEMBER-ID", "zip": "12345"}
real_patient = {"ssn": "987-65-4320"}
