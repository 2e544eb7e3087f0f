import type { NextApiRequest, NextApiResponse } from 'next';

export default async (req: NextApiRequest, res: NextApiResponse) => {  // expect: missing-phi-access
  res.json(await db.patient.findMany());
};
