import os
from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy_utils import StringEncryptedType
FIELD_ENCRYPTION_KEY = os.environ["FIELD_ENCRYPTION_KEY"]

class Patient(Base):
    ssn: Mapped[str]  # expect: unencrypted-phi-field
