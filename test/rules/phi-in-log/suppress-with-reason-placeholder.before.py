def f(patient):
    print(patient.ssn)  # expect: phi-in-log
