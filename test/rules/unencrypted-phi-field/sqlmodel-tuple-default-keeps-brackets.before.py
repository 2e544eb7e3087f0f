from typing import Optional, Tuple
from sqlmodel import Field, SQLModel

class Patient(SQLModel, table=True):
    diagnosis: Optional[Tuple[str, str]] = None, None  # expect: unencrypted-phi-field
