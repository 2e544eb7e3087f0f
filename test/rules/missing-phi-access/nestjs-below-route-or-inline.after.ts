import { Controller, Get } from '@nestjs/common';
import { PhiAccess } from '@/security/phi-access';

@Controller('patients')
export class P {
  @Get(':id')
  @PhiAccess({ action: 'read', dataCategory: 'demographics', roles: ['clinician', 'billing'] })
  one() {
    return 1;
  }
  @Get() @PhiAccess({ action: 'read', dataCategory: 'demographics', roles: ['clinician', 'billing'] }) all() { return []; }
}
