import { Column, Entity } from 'typeorm';
@Entity()
export class Patient {
  @Column('varchar', { transformer: encryptionTransformer })
  ssn: string;
}
