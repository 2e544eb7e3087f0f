from sqlalchemy import Column, String
import os
from sqlalchemy_utils import StringEncryptedType
FIELD_ENCRYPTION_KEY = os.environ["FIELD_ENCRYPTION_KEY"]

class Patient(Base):
    diagnosis = Column(StringEncryptedType(String, FIELD_ENCRYPTION_KEY))
