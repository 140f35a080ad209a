import { CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from "typeorm";

/** Columns every record carries: an internal id, an optimistic-concurrency version and timestamps. */
export abstract class RecordBase {
  @PrimaryGeneratedColumn("identity", { generatedIdentity: "BY DEFAULT" })
  id: number;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;
}
