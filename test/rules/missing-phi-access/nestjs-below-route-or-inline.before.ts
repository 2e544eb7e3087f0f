import { Controller, Get } from '@nestjs/common';

@Controller('patients')
export class P {
  @Get(':id')  // expect: missing-phi-access
  one() {
    return 1;
  }
  @Get() all() { return []; }  // expect: missing-phi-access
}
