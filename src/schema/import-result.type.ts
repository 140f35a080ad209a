import { Field, Int, ObjectType } from "type-graphql";
import { sectionList } from "../records";

@ObjectType("ImportTypeCount", { description: "What an import did to the records of one type.", simpleResolvers: true })
export class ImportTypeCount {
  @Field(() => String, {
    description: `The bundle section: ${sectionList("or")}.`,
  })
  recordType: string;

  @Field(() => Int, { description: "Records created." })
  created: number;

  @Field(() => Int, { description: "Records that existed and were changed." })
  updated: number;

  @Field(() => Int, { description: "Records that already matched the bundle (not written)." })
  unchanged: number;
}

@ObjectType("ImportResult", {
  description: "What an import of a record bundle did (or, for a dry run, would do).",
  simpleResolvers: true,
})
export class ImportResultType {
  @Field(() => Boolean, { description: "True when nothing was written (a dry run: validated and counted only)." })
  dryRun: boolean;

  @Field(() => Int, { description: "Records created, every type together." })
  created: number;

  @Field(() => Int, { description: "Records changed, every type together." })
  updated: number;

  @Field(() => Int, { description: "Records left as they were, every type together." })
  unchanged: number;

  @Field(() => [ImportTypeCount], { description: "The counts per record type, in import order." })
  byType: ImportTypeCount[];
}
