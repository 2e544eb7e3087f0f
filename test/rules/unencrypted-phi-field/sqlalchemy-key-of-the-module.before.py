from sqlalchemy import Column, String
from sqlalchemy_utils import StringEncryptedType
from app.keys import KEY

class Patient(Base):
    ssn = Column(String(11))  # expect: unencrypted-phi-field
    other = Column(StringEncryptedType(String, KEY))
