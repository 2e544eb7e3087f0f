from sqlalchemy import Column, String

class Patient(Base):
    diagnosis = Column(String)  # expect: unencrypted-phi-field
