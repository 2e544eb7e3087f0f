def f(patient):
    # phi-guard: ignore[phi-in-log] -- <reason>  # expect: unjustified-suppression
    print(patient.ssn)
