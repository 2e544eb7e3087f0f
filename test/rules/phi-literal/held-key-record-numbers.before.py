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
    first_name='Grazyna',  # expect: phi-literal
    last_name='Kowalczyk',  # expect: phi-literal
    mrns=[HospitalNumberSchema(site='RVH', mrn='0000048213')],  # expect: phi-literal
)
TRANSFERRED_PATIENT = PatientData(
    patient_first_name='Rafael',  # expect: phi-literal
    patient_last_name='Quintero',  # expect: phi-literal
    patient_mrn='7333318',  # expect: phi-literal
)
