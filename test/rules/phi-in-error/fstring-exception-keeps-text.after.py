def f(patient):
    raise ValueError(f"no insurance for (patient_id={patient.id})")
