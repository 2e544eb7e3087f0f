import { Column, Entity } from 'typeorm';
@Entity()
export class Patient {
  @Column({ transformer: encryptionTransformer })
  ssn: string;
}
