import { Column, Entity } from 'typeorm';
@Entity()
export class Patient {
  @Column() ssn: string;  // expect: unencrypted-phi-field
}
