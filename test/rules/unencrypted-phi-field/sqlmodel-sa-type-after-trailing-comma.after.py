from sqlmodel import Field, SQLModel
from sqlalchemy import String
import os
from sqlalchemy_utils import StringEncryptedType
FIELD_ENCRYPTION_KEY = os.environ["FIELD_ENCRYPTION_KEY"]

class Patient(SQLModel, table=True):
    ssn: str = Field(
        max_length=11, sa_type=StringEncryptedType(String, FIELD_ENCRYPTION_KEY)
    )
