import { Check, Column, Entity } from "typeorm";
import { checkIn, SourceKind } from "./enums";
import type { LocalizedText } from "./localized-text";
import { RecordBase } from "./record-base";

/** Where facts come from: a news article, a social post, a communiqué... */
@Entity("source")
@Check("source_kind_valid", checkIn("kind", SourceKind))
export class Source extends RecordBase {
  @Column({ type: "varchar", length: 200, unique: true })
  slug: string;

  @Column({ type: "varchar", length: 30 })
  kind: SourceKind;

  @Column({ type: "jsonb" })
  title: LocalizedText;

  @Column({ type: "text", nullable: true })
  publisher: string | null;

  @Column({ type: "text", nullable: true })
  url: string | null;

  /** BCP 47 tag of the language the source is written in. */
  @Column({ type: "varchar", length: 35, nullable: true })
  language: string | null;

  @Column({ name: "published_at", type: "timestamptz", nullable: true })
  publishedAt: Date | null;
}
