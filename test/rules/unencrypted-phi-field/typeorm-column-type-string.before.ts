import { Column, Entity } from 'typeorm';
@Entity()
export class Patient {
  @Column('varchar')
  ssn: string;  // expect: unencrypted-phi-field
}
