def f(patient):
    raise ValueError(f"no insurance for {patient.last_name}")  # expect: phi-in-error
