from datetime import date

# A test's patients numbered by holding a key down (`9999993`, `SIMM99999999`): made up as a
# whole, names and birth dates with them.
CUSTOMIZED_PATIENT = PatientSchema(
    first_name='Margot',
    last_name='Fairweather',
    date_of_birth=date.fromisoformat('1984-05-09'),
    mrns=[HospitalNumberSchema(site='MGH', mrn='9999993')],
)
REPORT_PATIENT = PatientData(
    patient_first_name='Bartholomew',
    patient_last_name='Quigley',
    patient_mrn='9999996',
)

# Issued numbers: a run of zeros is padding, a short run happens; reported.
ADMITTED_PATIENT = PatientSchema(
    first_name='Jane123',
    last_name='Doe456',
    mrns=[HospitalNumberSchema(site='RVH', mrn='0000000000')],
)
TRANSFERRED_PATIENT = PatientData(
    patient_first_name='Jane123',
    patient_last_name='Doe456',
    patient_mrn='0000000',
)
