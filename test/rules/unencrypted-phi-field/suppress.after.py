class Patient(Base):
    # phi-guard: ignore[unencrypted-phi-field] -- <reason>  # expect: unjustified-suppression
    ssn = Column(String)
