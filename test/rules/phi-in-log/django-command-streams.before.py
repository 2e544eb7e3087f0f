import json

from django.core.management.base import BaseCommand

from clinic.models import Patient


class Command(BaseCommand):
    help = "Normalise patients' phone numbers"

    def handle(self, *args, **options):
        failed = []
        for patient in Patient.objects.all():
            self.stdout.write("Examining {0} {1}".format(patient.first_name, patient.last_name))  # expect: phi-in-log
            if not patient.phone_number.startswith("+"):
                failed.append(patient.phone_number)
        self.stderr.write(json.dumps(failed))  # expect: phi-in-log
        self.stdout.write("Failed: {0}".format(len(failed)))
        self.stdout.write(self.style.SUCCESS("Done: %d patients" % Patient.objects.count()))
        self.stdout.write("patient id {0}".format(patient.id))
