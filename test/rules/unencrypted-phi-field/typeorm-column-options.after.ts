import { Column, Entity } from 'typeorm';
@Entity()
export class Patient {
  @Column({ type: 'varchar', transformer: encryptionTransformer })
  ssn: string;
}
