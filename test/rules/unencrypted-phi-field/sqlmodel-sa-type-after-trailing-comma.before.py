from sqlmodel import Field, SQLModel
from sqlalchemy import String

class Patient(SQLModel, table=True):
    ssn: str = Field(  # expect: unencrypted-phi-field
        max_length=11,
    )
