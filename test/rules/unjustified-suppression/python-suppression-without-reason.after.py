def f(patient):
    print(patient.mrn)  # phi-guard: ignore[phi-in-log]  # expect: unjustified-suppression
