from typing import Optional, Tuple
from sqlmodel import Field, SQLModel
import os
from sqlalchemy import String
from sqlalchemy_utils import StringEncryptedType
FIELD_ENCRYPTION_KEY = os.environ["FIELD_ENCRYPTION_KEY"]

class Patient(SQLModel, table=True):
    diagnosis: Optional[Tuple[str, str]] = Field(default=(None, None), sa_type=StringEncryptedType(String, FIELD_ENCRYPTION_KEY))
