import { Column, Entity } from 'typeorm';
@Entity()
export class Patient {
  @Column({ type: 'varchar' })
  ssn: string;  // expect: unencrypted-phi-field
}
