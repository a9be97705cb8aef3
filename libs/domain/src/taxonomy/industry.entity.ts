import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A curated industry; the list changes only through migrations. */
@Entity('industries')
export class Industry {
  @PrimaryColumn({ type: 'text' })
  slug!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'int' })
  position!: number;
}
