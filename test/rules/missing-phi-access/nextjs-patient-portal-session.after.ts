// A patient portal's route serving the signed-in patient (`session.patientId`) opens the patient's
// own record, at their request: no staff access to audit, also when a function of the file reads
// the session for it. A route that takes which patient to act on from the request serves whoever
// it names.
import { NextRequest, NextResponse } from 'next/server';
import { getServerSession } from 'next-auth';
import { authOptions } from '@/lib/auth';
import { PatientPortalService } from '@/services/patient-portal.service';
import { withPhiAccess } from '@/security/phi-access';

export async function GET() {
  const session = await getServerSession(authOptions);
  if (!session?.user) return NextResponse.json({ message: 'Unauthorized' }, { status: 401 });
  const patientId = session.patientId;
  return NextResponse.json(await PatientPortalService.getPatientHealthRecords(patientId));
}

export async function PUT(request: NextRequest) {
  const auth = await ensurePatient();
  if ('error' in auth) return auth.error;
  return NextResponse.json(await PatientPortalService.savePatientGoal(auth.patientId, await request.json()));
}

async function ensurePatient() {
  const session = await getServerSession(authOptions);
  if (!session?.user) return { error: NextResponse.json({ message: 'Unauthorized' }, { status: 401 }) };
  return { patientId: session.patientId };
}

export const POST = withPhiAccess({ action: 'write', dataCategory: 'demographics', roles: ['clinician', 'billing'] }, async function POST(request: NextRequest) {
  const session = await getServerSession(authOptions);
  if (!session?.user) return NextResponse.json({ message: 'Unauthorized' }, { status: 401 });
  const { patientId } = await request.json();
  return NextResponse.json(await PatientPortalService.getPatientHealthRecords(patientId));
});
