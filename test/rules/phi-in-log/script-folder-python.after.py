# A one-off script in the project's scripts/ folder: its prints reach the operator's terminal.
from app.models import Patient


def main():
    patient = Patient.objects.filter(last_name="Demo").first()
    print("Seeded demo patient", patient.first_name, patient.date_of_birth)


if __name__ == "__main__":
    main()
