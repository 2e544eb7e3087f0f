import { Column, Entity } from 'typeorm';
import { piiTransformer } from '@/security/crypto';
@Entity()
export class Patient {
  @Column({ transformer: piiTransformer }) ssn: string;
}
