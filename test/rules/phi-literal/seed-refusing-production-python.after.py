# A Python seed script that stops in production: its patients were made up for a development database. Quiet.
import os
import sys

if os.environ.get("APP_ENV") == "production":
    print("Refusing to seed a production database")
    sys.exit(1)

PATIENTS = [
    {"first_name": "Grazyna", "last_name": "Kowalczyk", "dob": "1961-04-17", "mrn": "A0048812"},
]
