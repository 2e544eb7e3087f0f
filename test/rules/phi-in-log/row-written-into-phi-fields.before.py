import csv
import sys
from datetime import datetime


def add_patient(line):
    party = Party()
    party.lastname = line[1]
    party.dob = datetime.strptime(line[4], "%d/%m/%Y")
    party.save()


def add_ward(row):
    # A ward's name and code: no field that is PHI on any object.
    ward = Ward()
    ward.name = row[0]
    ward.code = row[1]
    ward.save()


for line in csv.reader(open(sys.argv[1])):
    print("Uploading patient", line)  # expect: phi-in-log
    add_patient(line)

for row in csv.reader(open(sys.argv[2])):
    print("Uploading ward", row)
    add_ward(row)

for line in csv.reader(open(sys.argv[3])):
    # Another binding of the name than the one passed above.
    print("Skipping", line)
