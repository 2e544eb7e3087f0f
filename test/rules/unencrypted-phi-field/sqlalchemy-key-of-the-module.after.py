from sqlalchemy import Column, String
from sqlalchemy_utils import StringEncryptedType
from app.keys import KEY

class Patient(Base):
    ssn = Column(StringEncryptedType(String(11), KEY))
    other = Column(StringEncryptedType(String, KEY))
