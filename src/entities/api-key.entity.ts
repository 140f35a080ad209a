import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Role } from "../auth/role";
import { checkIn } from "./enums";

/**
 * A bearer key for the API. Only the SHA-256 of the secret is stored; the secret itself is shown
 * once, when the key is created. A revoked key stays listed (with `revokedAt`) but opens nothing.
 */
@Entity("api_key")
@Check("api_key_role_valid", checkIn("role", Role))
export class ApiKey {
  @PrimaryGeneratedColumn("identity", { generatedIdentity: "BY DEFAULT", primaryKeyConstraintName: "api_key_pkey" })
  id: number;

  /** A human name for the key (who or what holds it), unique so `revoke LABEL` is unambiguous. */
  @Index("api_key_label_key", { unique: true })
  @Column({ type: "varchar", length: 100 })
  label: string;

  @Column({ type: "varchar", length: 10 })
  role: Role;

  /** Hex SHA-256 of the whole secret (`chy_...`); looked up on every authenticated request. */
  @Index("api_key_secret_hash_key", { unique: true })
  @Column({ name: "secret_hash", type: "char", length: 64 })
  secretHash: string;

  /** The first characters of the secret, so `list` can help a holder recognise a key without revealing it. */
  @Column({ name: "secret_prefix", type: "varchar", length: 12 })
  secretPrefix: string;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @Column({ name: "last_used_at", type: "timestamptz", nullable: true })
  lastUsedAt: Date | null;

  @Column({ name: "revoked_at", type: "timestamptz", nullable: true })
  revokedAt: Date | null;
}
