# An object that holds a record in one attribute gives back what was stored under each key: the
# serialised immunization stored as `context.request` is the record's data; the status stored as
# `context.status` is not, nor an attribute nothing here stored.
import json


def trigger_create(context):
    context.create_object = context.immunization_object
    context.request = context.create_object.dict(exclude_none=True)
    context.status = 201
    print(f"Create request is {json.dumps(context.request)}")  # expect: phi-in-log
    print(f"Expected status {context.status} at {context.url}")


def trigger_update(context):
    context.update_object = context.immunization_object
    payload = context.update_object.dict()
    print(payload)  # expect: phi-in-log
