class Patient(Base):
    ssn = Column(String)  # expect: unencrypted-phi-field
