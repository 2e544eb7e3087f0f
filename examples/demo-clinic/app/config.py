"""Runtime configuration, read from the environment (never from source)."""
import os

DATABASE_URL = os.environ.get("DATABASE_URL", "sqlite:///./clinic.db")

# Key for application-level encryption of the most sensitive columns (see models.py).
FIELD_KEY = os.environ.get("PHI_FIELD_KEY", "")

AUDIT_LOG_PATH = os.environ.get("AUDIT_LOG_PATH", "audit.log.jsonl")
