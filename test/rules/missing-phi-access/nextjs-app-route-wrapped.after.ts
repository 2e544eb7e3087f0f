import { NextResponse } from 'next/server';
import { withPhiAccess } from '@/security/phi-access';
import { prisma } from '@/lib/prisma';

export const GET = withPhiAccess({ action: 'read', dataCategory: 'demographics', roles: ['clinician', 'billing'] }, async function GET(request: Request, { params }: { params: { id: string } }) {
  const patient = await prisma.patient.findUnique({ where: { id: params.id } });
  return NextResponse.json(patient);
});

export const PUT = withPhiAccess({ action: 'write', dataCategory: 'demographics', roles: ['clinician'] }, async (request: Request) => {
  return NextResponse.json(await prisma.patient.update({ where: { id: '1' }, data: await request.json() }));
});

export const DELETE = withPhiAccess({ action: 'delete', dataCategory: 'demographics', roles: ['clinician', 'billing'] }, async (request: Request) => {
  await prisma.patient.delete({ where: { id: '1' } });
  return new Response(null, { status: 204 });
});

export async function HEAD() {
  return new Response(null, { headers: { 'x-total': String(await prisma.patient.count()) } });
}

function findAll() {
  return prisma.patient.findMany();
}
